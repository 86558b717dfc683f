/** Name-matching keys shared by entity resolution, place lookup and name search. */
@NullMarked
package org.clipfile.enrich.names;

import org.jspecify.annotations.NullMarked;
