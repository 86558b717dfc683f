/**
 * Turning a saved web page into an article draft: charset, main text by content scoring, and page metadata.
 * Everything here is pure (no I/O, no Spring beyond the entry point's {@code @Component}).
 */
@NullMarked
package org.clipfile.ingest.html;

import org.jspecify.annotations.NullMarked;
