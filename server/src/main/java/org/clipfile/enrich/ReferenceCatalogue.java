package org.clipfile.enrich;

import java.util.Optional;
import org.clipfile.enrich.entities.CanonicalEntity;
import org.clipfile.enrich.places.Place;

/**
 * What features outside enrichment read from the reference data: an entity or a place by its id, an entity by one
 * of its names. Read-only; editors change the registry itself ({@code org.clipfile.aliases}), and what they change
 * shows here at once (one shared registry).
 */
public interface ReferenceCatalogue {
    /** A known person or group by id ({@code person:...}, {@code group:...}). */
    Optional<CanonicalEntity> entity(String id);

    /** A known person or group by one of its names, as the alias registry matches names. */
    Optional<CanonicalEntity> entityNamed(String name);

    /** A gazetteer place by id ({@code place:...}). */
    Optional<Place> place(String id);
}
