/**
 * Editors' changes to the alias registry: kept in Elasticsearch so every server instance applies them, on top of
 * the registry file shipped with the server.
 */
@NullMarked
package org.clipfile.aliases;

import org.jspecify.annotations.NullMarked;
