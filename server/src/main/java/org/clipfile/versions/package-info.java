/**
 * Earlier versions of an article: the text an article had before it was ingested again under the same canonical URL
 * with other words, kept in an index of its own, and the word-level differences between them.
 */
package org.clipfile.versions;
