package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.clipfile.curation.CurationEdits;
import org.clipfile.enrich.ReferenceCatalogue;
import org.clipfile.enrich.curation.Curation;
import org.clipfile.enrich.entities.CanonicalEntity;
import org.clipfile.enrich.entities.EntityType;
import org.clipfile.enrich.places.Place;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.EntitiesRelinked;
import org.clipfile.index.IndexMoved;
import org.junit.jupiter.api.Test;

/** The facet labels' cache of reference-data names (the articles' names are covered by the integration tests). */
class EntityFacetLabelsTests {
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicReference<String> registryName = new AtomicReference<>("Bashar al-Assad");

    private final ReferenceCatalogue catalogue = new ReferenceCatalogue() {
        @Override
        public Optional<CanonicalEntity> entity(String id) {
            lookups.incrementAndGet();
            return id.equals("person:bashar-al-assad")
                    ? Optional.of(new CanonicalEntity(id, EntityType.PERSON, registryName.get(), List.of()))
                    : Optional.empty();
        }

        @Override
        public Optional<CanonicalEntity> entityNamed(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<Place> place(String id) {
            return Optional.empty();
        }
    };

    private final EntityFacetLabels labels = new EntityFacetLabels(catalogue, mock(ArticleIndex.class), noEdits());

    @Test
    void shouldAskTheReferenceDataOncePerIdUntilTheEntitiesAreRelinked() {
        assertThat(labels.labels(Facet.PERSON, List.of("person:bashar-al-assad")))
                .isEqualTo(Map.of("person:bashar-al-assad", "Bashar al-Assad"));
        assertThat(labels.labels(Facet.PERSON, List.of("person:bashar-al-assad")))
                .isEqualTo(Map.of("person:bashar-al-assad", "Bashar al-Assad"));
        assertThat(lookups).hasValue(1);

        registryName.set("Bashar Hafez al-Assad");
        labels.entitiesRelinked(new EntitiesRelinked("clipfile", 1));
        assertThat(labels.labels(Facet.PERSON, List.of("person:bashar-al-assad")))
                .isEqualTo(Map.of("person:bashar-al-assad", "Bashar Hafez al-Assad"));
        assertThat(lookups).hasValue(2);
    }

    @Test
    void shouldForgetTheNamesWhenTheIndexMoves() {
        labels.labels(Facet.PERSON, List.of("person:bashar-al-assad"));
        registryName.set("Assad");
        labels.indexMoved(new IndexMoved("clipfile", "clipfile-v1", "clipfile-v2"));

        assertThat(labels.labels(Facet.PERSON, List.of("person:bashar-al-assad")))
                .isEqualTo(Map.of("person:bashar-al-assad", "Assad"));
        assertThat(lookups).hasValue(2);
    }

    private static CurationEdits noEdits() {
        CurationEdits edits = mock(CurationEdits.class);
        when(edits.current()).thenReturn(Curation.none());
        return edits;
    }
}
