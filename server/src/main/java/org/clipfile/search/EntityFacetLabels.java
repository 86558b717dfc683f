package org.clipfile.search;

import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clipfile.curation.CurationEdits;
import org.clipfile.enrich.ReferenceCatalogue;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.EntitiesRelinked;
import org.clipfile.index.IndexMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Names for entity ids in facets: the alias registry and the gazetteer know most; an entity found only in articles
 * is named as the first article that mentions it names it. Names are cached (ids are stable).
 */
@Component
class EntityFacetLabels implements FacetLabels {
    private static final int MAX_CACHED = 200_000;
    /** An id no article names either: remembered, so that it does not cost a search on every answer it is in. */
    private static final String UNNAMED = new String("(unnamed)");

    private final ReferenceCatalogue catalogue;
    private final ArticleIndex index;
    /** Names by id; "" for an id the reference data does not know (the articles are asked), or {@link #UNNAMED}. */
    private final Cache<String, String> cache = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();
    private final CurationEdits curation;

    EntityFacetLabels(ReferenceCatalogue catalogue, ArticleIndex index, CurationEdits curation) {
        this.catalogue = catalogue;
        this.index = index;
        this.curation = curation;
    }

    /** A re-index may have renamed or relinked entities (curation, the catalogue): names are looked up again. */
    @EventListener
    void indexMoved(IndexMoved moved) {
        cache.invalidateAll();
    }

    /** So may a relink in place. */
    @EventListener
    void entitiesRelinked(EntitiesRelinked relinked) {
        cache.invalidateAll();
    }

    @Override
    public Map<String, String> labels(Facet facet, Collection<String> values) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String value : values) {
            // An editor's name wins, and is never cached: an undo gives the old one back at once.
            String edited = curation.current().name(value);
            if (edited != null) {
                labels.put(value, edited);
                continue;
            }
            String known = cache.get(value, this::fromReferenceData);
            if (known == UNNAMED) {
                continue;
            }
            if (known.isEmpty()) {
                unknown.add(value);
            } else {
                labels.put(value, known);
            }
        }
        if (!unknown.isEmpty() && facet != Facet.COUNTRY) {
            labels.putAll(fromArticles(facet, unknown));
        }
        return labels;
    }

    private String fromReferenceData(String value) {
        if (value.startsWith("place:") || value.length() == 2) {
            String id = value.length() == 2 ? "place:country:" + value.toUpperCase(Locale.ROOT) : value;
            var place = catalogue.place(id);
            if (place.isPresent()) {
                return place.get().name();
            }
        }
        return catalogue.entity(value).map(e -> e.name()).orElse("");
    }

    private void remember(String id, String name) {
        cache.put(id, name);
    }

    /** One small search per unknown id, in one round trip, reading the name the article's entities give it. */
    private Map<String, String> fromArticles(Facet facet, List<String> ids) {
        List<RequestItem> searches = new ArrayList<>();
        for (String id : ids) {
            searches.add(RequestItem.of(r -> r.header(h -> h.index(index.alias()))
                    .body(b -> b.size(1).source(s -> s.filter(f -> f.includes("entities")))
                            .query(q -> q.term(t -> t.field(facet.field()).value(id))))));
        }
        Map<String, String> names = new LinkedHashMap<>();
        try {
            MsearchResponse<JsonNode> response = index.msearch(searches, JsonNode.class);
            for (int i = 0; i < ids.size(); i++) {
                MultiSearchResponseItem<JsonNode> item = response.responses().get(i);
                if (!item.isResult()) {
                    continue;
                }
                if (item.result().hits().hits().isEmpty()) {
                    remember(ids.get(i), UNNAMED);
                    continue;
                }
                JsonNode source = item.result().hits().hits().getFirst().source();
                String name = StoredEntities.namesOf(source == null ? null : source.get("entities"), ids.get(i))
                        .stream().findFirst().orElse(null);
                if (name != null) {
                    names.put(ids.get(i), name);
                }
                remember(ids.get(i), name == null ? UNNAMED : name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
