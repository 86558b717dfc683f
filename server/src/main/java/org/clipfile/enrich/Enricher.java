package org.clipfile.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.entities.EntityResolver;
import org.clipfile.enrich.entities.EntityType;
import org.clipfile.enrich.entities.ResolvedEntity;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.enrich.ner.EntityRecognizer;
import org.clipfile.enrich.ner.Mention;
import org.clipfile.enrich.ner.MentionCleaner;
import org.clipfile.enrich.ner.MentionType;
import org.clipfile.enrich.ner.OrganizationNames;
import org.clipfile.enrich.ner.RecognizerEngine;
import org.clipfile.enrich.ner.ShoutedLines;
import org.clipfile.enrich.places.Gazetteer;
import org.clipfile.enrich.places.Place;
import org.clipfile.enrich.places.PlaceResolver;
import org.clipfile.enrich.places.ResolvedPlace;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.PlaceFacet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

/**
 * The entry point of enrichment: people, groups and places of an article as canonical entities. One instance is
 * shared by all threads. In the server it is built from the reference data beans ({@link ReferenceDataConfiguration});
 * features that need the gazetteer or the registry inject those beans, not the enricher. Without Spring:
 * {@code new Enricher()} loads the fast recognizer (CoreNLP's model), the alias registry and the gazetteer (about
 * 2-3 s, ~200 MB of heap); the other constructors take another engine or everything ready-made (tests).
 */
@Component
@Import(ReferenceDataConfiguration.class)
public final class Enricher {
    /** The order of people and groups in an enrichment: most mentioned first, then by name. */
    private static final Comparator<EntityFacet> BY_MENTIONS =
            Comparator.comparingInt(EntityFacet::mentions).reversed().thenComparing(EntityFacet::name);

    private final EntityRecognizer recognizer;
    private final AliasRegistry registry;
    private final Gazetteer gazetteer;
    private final EntityResolver entityResolver;
    private final PlaceResolver placeResolver;

    /** Loads the default engine and data; the gazetteer loads on another thread while the model loads. */
    public Enricher() {
        this(RecognizerEngine.FAST);
    }

    public Enricher(RecognizerEngine engine) {
        this(Defaults.load(engine));
    }

    private Enricher(Defaults defaults) {
        this(defaults.recognizer(), defaults.registry(), defaults.gazetteer());
    }

    private record Defaults(EntityRecognizer recognizer, AliasRegistry registry, Gazetteer gazetteer) {
        static Defaults load(RecognizerEngine engine) {
            CompletableFuture<Gazetteer> gazetteer = CompletableFuture.supplyAsync(Gazetteer::loadDefault);
            EntityRecognizer recognizer = engine.load();
            AliasRegistry registry = AliasRegistry.loadDefault();
            try {
                return new Defaults(recognizer, registry, gazetteer.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
    }

    @Autowired
    public Enricher(EntityRecognizer recognizer, AliasRegistry registry, Gazetteer gazetteer) {
        this.recognizer = recognizer;
        this.registry = registry;
        this.gazetteer = gazetteer;
        this.entityResolver = new EntityResolver(registry, gazetteer::isDemonym);
        this.placeResolver = new PlaceResolver(gazetteer);
    }

    /**
     * The alias registry this enricher resolves against: editors' changes apply to the next article enriched. For
     * callers that built the enricher themselves (tests, evaluations); in the server, inject the registry bean.
     */
    public AliasRegistry aliasRegistry() {
        return registry;
    }

    /** The gazetteer places resolve against; in the server, inject the gazetteer bean instead. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public Enrichment enrich(String title, String body) {
        String text = title.isBlank() ? body : body.isBlank() ? title : title.strip() + "\n\n" + body;
        int titleLength = title.isBlank() ? 0 : title.strip().length();
        return toEnrichment(analyze(text), text, titleLength);
    }

    /**
     * The same enrichment with the alias registry's current entries applied, without recognising anything again:
     * a person or group whose name or variant the registry now knows takes the registry's id, name and type, and
     * entities that become the same are merged. Used when copying articles into a new index after registry edits.
     */
    public Enrichment applyRegistry(Enrichment enrichment) {
        Map<String, EntityFacet> merged = new LinkedHashMap<>();
        for (EntityFacet entity : concat(enrichment.people(), enrichment.groups())) {
            EntityFacet resolved = registered(entity).map(known -> {
                Set<String> variants = new java.util.TreeSet<>(entity.variants());
                known.names().forEach(n -> variants.addAll(NameKeys.searchVariants(n)));
                return new EntityFacet(known.id(), known.name(), known.type().name().toLowerCase(Locale.ROOT),
                        List.copyOf(variants), entity.mentions(), entity.names(), entity.linked(),
                        entity.salience());
            }).orElse(entity);
            merged.merge(resolved.id(), resolved, (a, b) -> {
                Set<String> variants = new java.util.TreeSet<>(a.variants());
                variants.addAll(b.variants());
                Set<String> names = new LinkedHashSet<>(a.names());
                names.addAll(b.names());
                return new EntityFacet(a.id(), a.name(), a.type(), List.copyOf(variants), a.mentions() + b.mentions(),
                        List.copyOf(names), concat(a.linked(), b.linked()), Math.max(a.salience(), b.salience()));
            });
        }
        List<EntityFacet> people = merged.values().stream().filter(e -> e.type().equals("person"))
                .sorted(BY_MENTIONS).toList();
        List<EntityFacet> groups = merged.values().stream().filter(e -> !e.type().equals("person"))
                .sorted(BY_MENTIONS).toList();
        return new Enrichment(people, groups, enrichment.places());
    }

    /**
     * The stored enrichment without the name keys that enrichments stored before mapping version 4 hold (see
     * {@link NameKeyRemoval}); the alias registry gives the registered names of an entity by its id.
     */
    public Enrichment withoutNameKeys(Enrichment stored) {
        return NameKeyRemoval.withoutNameKeys(stored,
                id -> registry.findById(id).map(e -> e.names()).orElse(List.of()));
    }

    private java.util.Optional<org.clipfile.enrich.entities.CanonicalEntity> registered(EntityFacet entity) {
        var byId = registry.findById(entity.id());
        if (byId.isPresent()) {
            return byId;
        }
        var byName = registry.findByName(entity.name());
        if (byName.isPresent()) {
            return byName;
        }
        return entity.variants().stream().map(registry::findByName).flatMap(java.util.Optional::stream).findFirst();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Everything found in one text, with the mentions behind each entity and place. */
    record Analysis(List<Mention> mentions, List<ResolvedEntity> entities, List<ResolvedPlace> places) {}

    Analysis analyze(String text) {
        if (text.isBlank()) {
            return new Analysis(List.of(), List.of(), List.of());
        }
        // Names are recognised where the text has case: headlines in capitals are blanked (offsets kept).
        List<Mention> tagged =
                MentionCleaner.firms(text, MentionCleaner.clean(recognizer.recognize(ShoutedLines.blank(text))));
        List<Mention> recognized = OrganizationNames.apply(text, tagged, name -> !gazetteer.lookup(name).isEmpty());
        List<Mention> mentions = new ArrayList<>(recognized);
        for (Mention found : registry.findMentions(text)) {
            // A registered name is curated: it wins over the tagger's shorter reading of part of it
            // ("Liwa" tagged as a place inside the group "Liwa al-Nahr"), not over an overlapping longer one.
            mentions.removeIf(m -> m.begin() >= found.begin() && m.end() <= found.end()
                    && m.end() - m.begin() < found.end() - found.begin());
            if (mentions.stream().noneMatch(found::overlaps)) {
                mentions.add(found);
            }
        }
        // Cleaned again: the rules above extend names over neighbouring words ("Two World Bank", "Co Inc").
        mentions = MentionCleaner.clean(
                MentionCleaner.harmonizeTypes(MentionCleaner.propagate(text, mentions), gazetteer::isCountryName));

        List<Mention> entityMentions = new ArrayList<>();
        List<Mention> placeMentions = new ArrayList<>();
        for (Mention mention : mentions) {
            if (entityResolver.claims(mention)) {
                entityMentions.add(mention);
            } else if (isNationality(mention)) {
                // "Syrians" names no person or group; as a location it means the country.
                if (mention.type() == MentionType.LOCATION) {
                    placeMentions.add(mention);
                }
            } else if (mention.type() == MentionType.LOCATION || gazetteer.isCountryName(mention.text())) {
                // A country standing for its government or team ("Russia said") is still indexed as the place.
                placeMentions.add(mention);
            } else {
                entityMentions.add(mention);
            }
        }
        List<ResolvedEntity> entities = entityResolver.resolve(text, entityMentions, mentions);
        List<ResolvedPlace> places = placeResolver.resolve(text, placeMentions);
        return new Analysis(mentions, entities, places);
    }

    private boolean isNationality(Mention mention) {
        return mention.text().indexOf(' ') < 0 && gazetteer.isDemonym(mention.text());
    }

    private static Enrichment toEnrichment(Analysis analysis, String text, int titleLength) {
        int total = analysis.entities().stream().mapToInt(e -> e.mentions().size()).sum()
                + analysis.places().stream().mapToInt(p -> p.mentions().size()).sum();
        Salience salience = Salience.of(text, titleLength, total);
        List<EntityFacet> people = new ArrayList<>();
        List<EntityFacet> groups = new ArrayList<>();
        for (ResolvedEntity entity : analysis.entities()) {
            EntityFacet facet = new EntityFacet(entity.id(), entity.name(),
                    entity.type().name().toLowerCase(Locale.ROOT), entity.variants().stream().sorted().toList(),
                    entity.mentions().size(), namesUsed(entity.mentions()), List.of(), salience.of(entity.mentions()));
            (entity.type() == EntityType.PERSON ? people : groups).add(facet);
        }
        List<PlaceFacet> places = analysis.places().stream().map(p -> placeFacet(p, salience)).toList();
        people.sort(BY_MENTIONS);
        groups.sort(BY_MENTIONS);
        List<PlaceFacet> sortedPlaces = new ArrayList<>(places);
        sortedPlaces.sort(Comparator.comparingInt(PlaceFacet::mentions).reversed().thenComparing(PlaceFacet::name));
        return new Enrichment(people, groups, sortedPlaces);
    }

    /** The distinct names an article uses for an entity, the most used first. */
    private static List<String> namesUsed(List<Mention> mentions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        mentions.forEach(m -> counts.merge(m.text(), 1, Integer::sum));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    private static PlaceFacet placeFacet(ResolvedPlace resolved, Salience salience) {
        Place place = resolved.place();
        Place region = resolved.region();
        Place country = resolved.country();
        Place city = resolved.city();
        Set<String> variants = new LinkedHashSet<>(NameKeys.searchVariants(place.name()));
        resolved.mentions().forEach(m -> variants.addAll(NameKeys.searchVariants(m.text())));
        return new PlaceFacet(place.id(), place.name(), place.kind().name().toLowerCase(Locale.ROOT),
                country == null ? null : country.countryCode(), country == null ? null : country.name(),
                region == null ? null : region.id(), region == null ? null : region.name(),
                city == null ? null : city.id(), city == null ? null : city.name(),
                place.latitude(), place.longitude(), place.coordinates().name().toLowerCase(Locale.ROOT),
                resolved.guessed(), resolved.ancestorIds(), variants.stream().sorted().toList(),
                resolved.mentions().size(), salience.of(resolved.mentions()));
    }
}
