package org.clipfile.enrich;

import java.util.Optional;
import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.entities.CanonicalEntity;
import org.clipfile.enrich.places.Gazetteer;
import org.clipfile.enrich.places.Place;

/** The catalogue over the two reference-data beans: the gazetteer's places, the alias registry's entities. */
record GazetteerAndRegistry(Gazetteer gazetteer, AliasRegistry registry) implements ReferenceCatalogue {
    @Override
    public Optional<CanonicalEntity> entity(String id) {
        return registry.findById(id);
    }

    @Override
    public Optional<CanonicalEntity> entityNamed(String name) {
        return registry.findByName(name);
    }

    @Override
    public Optional<Place> place(String id) {
        return gazetteer.byId(id);
    }
}
