/** The article index: mappings from {@code mappings/}, versioned indices behind an alias, reads and writes. */
package org.clipfile.index;
