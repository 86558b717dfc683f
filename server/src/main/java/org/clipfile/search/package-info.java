/** Full-text search over the article index: request factories and result records. */
package org.clipfile.search;
