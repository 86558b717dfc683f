/**
 * The Elasticsearch client's transport: a blocking HTTP client (Apache HttpClient 5 classic) with round robin over
 * the configured nodes and dead-node marking, instead of the asynchronous Rest5 client (switch: TransportProperties).
 */
@NullMarked
package org.clipfile.estransport;

import org.jspecify.annotations.NullMarked;
