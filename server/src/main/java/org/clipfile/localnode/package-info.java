/**
 * The embedded default: a real Elasticsearch started as a child process on 127.0.0.1 when no
 * {@code spring.elasticsearch.uris} is configured, and stopped with the server.
 */
package org.clipfile.localnode;
