/**
 * Who may do what: users (login sessions for the web page) and API keys (for programs), both kept in
 * Elasticsearch as hashes; roles reader, editor, admin; the rule table that denies every endpoint no role allows.
 */
@NullMarked
package org.clipfile.security;

import org.jspecify.annotations.NullMarked;
