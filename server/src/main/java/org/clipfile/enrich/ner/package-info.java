/** Named-entity recognition behind an interface of Clipfile's own; Stanford CoreNLP is the default engine. */
@NullMarked
package org.clipfile.enrich.ner;

import org.jspecify.annotations.NullMarked;
