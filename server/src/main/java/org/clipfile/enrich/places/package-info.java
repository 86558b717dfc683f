/** Places: an offline GeoNames gazetteer and the resolution of place mentions to a city, region and country. */
@NullMarked
package org.clipfile.enrich.places;

import org.jspecify.annotations.NullMarked;
