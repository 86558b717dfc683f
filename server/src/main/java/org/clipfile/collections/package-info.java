/**
 * Collections: named sets of articles with a note per article, shared with the desk or private, each user's
 * stars, and the {@code collection=} filter of every search endpoint.
 */
@NullMarked
package org.clipfile.collections;

import org.jspecify.annotations.NullMarked;
