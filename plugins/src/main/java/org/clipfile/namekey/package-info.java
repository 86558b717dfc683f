/**
 * The {@code name_key} token filter (plugin {@code clipfile-names}): Clipfile's name-matching key, computed by the
 * same {@code NameKeys} source file the server compiles, so the index and the server can never key names apart.
 */
package org.clipfile.namekey;
