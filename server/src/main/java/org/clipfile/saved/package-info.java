/**
 * Saved searches: a search kept by its page query string, its Atom feed (API key or a revocable per-feed token),
 * and alerts: new matches counted per saved search by a background matcher, with optional signed webhooks.
 */
@NullMarked
package org.clipfile.saved;

import org.jspecify.annotations.NullMarked;
