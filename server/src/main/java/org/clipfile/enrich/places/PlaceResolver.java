package org.clipfile.enrich.places;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.enrich.ner.Mention;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the place mentions of one article to places of the gazetteer. A name's candidates are scored on:
 * <ul>
 *   <li>kind and size: a country name means the country; otherwise the larger place (log of its population) and
 *       a city before a region of the same name ("Moscow" the city, not the federal subject);
 *   <li>wording: "Idlib province", "the province of Idlib" want a region; "the city of X", "X town" a city;
 *   <li>the article's other places: a candidate in a country the article names (or whose nationality it uses:
 *       "Syrian") or in a region it names wins over a larger namesake abroad ("Gaza" in Palestine, not Mozambique);
 *   <li>one sense per discourse: "Idlib" alone means what "Idlib province" meant earlier in the article.
 * </ul>
 * Direction words are dropped when the full name is unknown ("Northwestern Syria": Syria). A name the gazetteer does
 * not know (Atme) is kept as a {@link PlaceKind#LOCALITY} in the article's most mentioned region, or country,
 * flagged as guessed and without coordinates. Thread-safe; all state is per call.
 */
public final class PlaceResolver {
    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
            "southeastern", "southwestern", "central", "upper", "lower", "mid", "far", "greater", "rural", "coastal");
    private static final Set<String> REGION_WORDS = Set.of("province", "provinces", "governorate", "region", "state",
            "oblast", "prefecture", "county", "district", "department", "emirate", "territory", "canton", "krai",
            "voivodeship", "municipality");
    private static final Set<String> CITY_WORDS = Set.of("city", "town", "village", "suburb", "suburbs", "outskirts");

    private static final double COUNTRY_PRIOR = 6;
    private static final double REGION_PRIOR = -2;
    private static final double DERIVED_NAME = -1.5;
    private static final double EXACT_SPELLING = 1;
    private static final double WORDING = 6;
    private static final double IN_ARTICLE_COUNTRY = 2.5;
    private static final double IN_ARTICLE_REGION = 1.5;
    /** How far ahead of the runner-up a first choice must be to count as context for the other names. */
    private static final double CONFIDENT_MARGIN = 1.5;

    private final Gazetteer gazetteer;

    public PlaceResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    enum Hint {
        NONE,
        REGION,
        CITY
    }

    /** A mention with the name looked up, its candidates and the wording around it. */
    record Query(Mention mention, String name, String key, List<Gazetteer.Entry> candidates, Hint hint) {}

    /** Countries and regions the article names, by number of mentions. */
    record Context(Map<String, Integer> countries, Map<String, Integer> regions) {}

    public List<ResolvedPlace> resolve(String text, List<Mention> mentions) {
        List<Query> queries = mentions.stream().map(m -> query(text, m)).toList();
        Map<String, Integer> demonymCountries = demonymCountries(text);

        // Only clear first choices are context: "White House" read as a village in Tennessee must not pull
        // "Paris" to Tennessee too.
        List<@Nullable Place> confident = new ArrayList<>();
        Context nationalities = new Context(demonymCountries, Map.of());
        for (Query query : queries) {
            Choice choice = best(query, nationalities);
            confident.add(choice.margin() >= CONFIDENT_MARGIN ? choice.place() : null);
        }
        List<@Nullable Place> chosen = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Context context = contextWithout(queries, confident, demonymCountries, queries.get(i).key());
            chosen.add(best(queries.get(i), context).place());
        }
        oneSensePerDiscourse(queries, chosen);
        return assemble(queries, chosen);
    }

    Query query(String text, Mention mention) {
        String name = cleanName(mention.text());
        Hint hint = hint(text, mention);
        List<Gazetteer.Entry> candidates = gazetteer.entries(name);
        if (candidates.isEmpty() && isCountryCode(name)) {
            // Only mentions already typed as places get here: "IS" in a sentence is never read as Iceland.
            candidates = gazetteer.country(name).map(PlaceResolver::only).orElse(List.of());
        }
        if (candidates.isEmpty()) {
            candidates = gazetteer.countryOfDemonym(name).map(PlaceResolver::only).orElse(List.of());
        }
        if (candidates.isEmpty()) {
            String withoutDirection = stripDirections(name);
            if (!withoutDirection.equals(name)) {
                name = withoutDirection;
                candidates = gazetteer.entries(name);
            }
        }
        if (candidates.isEmpty()) {
            String[] words = name.split(" ");
            String last = words[words.length - 1].toLowerCase(Locale.ROOT);
            if (words.length > 1 && (REGION_WORDS.contains(last) || CITY_WORDS.contains(last))) {
                hint = REGION_WORDS.contains(last) ? Hint.REGION : Hint.CITY;
                name = name.substring(0, name.length() - last.length()).strip();
                candidates = gazetteer.entries(name);
            }
        }
        return new Query(mention, name, NameKeys.key(name), candidates, hint);
    }

    private static List<Gazetteer.Entry> only(Place place) {
        return List.of(new Gazetteer.Entry(place, Gazetteer.NameSource.EXACT));
    }

    private static String cleanName(String text) {
        String name = text.strip();
        if (name.regionMatches(true, 0, "the ", 0, 4) && name.length() > 4) {
            name = name.substring(4);
        }
        for (String possessive : List.of("'s", "\u2019s", "'", "\u2019")) {
            if (name.endsWith(possessive) && name.length() > possessive.length() + 1) {
                name = name.substring(0, name.length() - possessive.length());
                break;
            }
        }
        return name;
    }

    private static boolean isCountryCode(String name) {
        return name.length() == 2 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1));
    }

    /** "Northwestern Syria": Syria; "north-west Syria": Syria. A name that is only directions stays. */
    static String stripDirections(String name) {
        String[] words = name.split("[\\s\\-]+");
        int first = 0;
        while (first < words.length - 1 && DIRECTIONS.contains(words[first].toLowerCase(Locale.ROOT))) {
            first++;
        }
        return first == 0 ? name : String.join(" ", Arrays.copyOfRange(words, first, words.length));
    }

    /** "Idlib province", "the province of Idlib": a region; "the town of Atme": a city. */
    private static Hint hint(String text, Mention mention) {
        String after = wordAfter(text, mention.end());
        if (REGION_WORDS.contains(after)) {
            return Hint.REGION;
        }
        if (CITY_WORDS.contains(after) && !after.equals("outskirts")) {
            return Hint.CITY;
        }
        String before = wordBefore(text, mention.begin());
        if (before.equals("of")) {
            int ofStart = text.lastIndexOf("of", mention.begin());
            String noun = wordBefore(text, Math.max(0, ofStart));
            if (REGION_WORDS.contains(noun)) {
                return Hint.REGION;
            }
            if (CITY_WORDS.contains(noun)) {
                return Hint.CITY;
            }
        }
        return Hint.NONE;
    }

    private static String wordAfter(String text, int from) {
        int start = from;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '-')) {
            start++;
        }
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static String wordBefore(String text, int before) {
        int end = before;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private Map<String, Integer> demonymCountries(String text) {
        Map<String, Integer> countries = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!Character.isUpperCase(c) || (i > 0 && Character.isLetter(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            if (end - i >= 4) {
                gazetteer.countryOfDemonym(text.substring(i, end))
                        .ifPresent(country -> countries.merge(country.countryCode(), 1, Integer::sum));
            }
            i = end;
        }
        return countries;
    }

    /** What the rest of the article says: the countries and regions of the other names' first choices. */
    private static Context contextWithout(List<Query> queries, List<@Nullable Place> first,
            Map<String, Integer> demonymCountries, String ownKey) {
        Map<String, Integer> countries = new HashMap<>(demonymCountries);
        Map<String, Integer> regions = new HashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            Place place = first.get(i);
            if (place == null || queries.get(i).key().equals(ownKey)) {
                continue;
            }
            if (place.countryCode() != null) {
                countries.merge(place.countryCode(), 1, Integer::sum);
            }
            if (place.regionCode() != null) {
                regions.merge(place.regionCode(), 1, Integer::sum);
            }
        }
        return new Context(countries, regions);
    }

    /** The best candidate, and how far ahead of the runner-up it is (infinite when it is the only one). */
    record Choice(@Nullable Place place, double margin) {}

    private Choice best(Query query, Context context) {
        Place best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        double secondScore = Double.NEGATIVE_INFINITY;
        String spelling = NameKeys.fold(query.name());
        for (Gazetteer.Entry entry : query.candidates()) {
            double score = score(entry, query.hint(), context, spelling);
            Place place = entry.place();
            if (score > bestScore || (score == bestScore && best != null && place.population() > best.population())) {
                secondScore = bestScore;
                best = place;
                bestScore = score;
            } else if (score > secondScore) {
                secondScore = score;
            }
        }
        return new Choice(best, bestScore - secondScore);
    }

    static double score(Gazetteer.Entry entry, Hint hint, Context context, String spelling) {
        Place place = entry.place();
        double score = switch (place.kind()) {
            case AREA, COUNTRY -> COUNTRY_PRIOR;
            case REGION -> size(place.population()) + REGION_PRIOR;
            case CITY -> size(place.population()) + capitalBonus(place.featureCode());
            case LOCALITY -> 0;
        };
        if (entry.derived()) {
            score += DERIVED_NAME;
        }
        if (isExactSpelling(entry, spelling)) {
            score += EXACT_SPELLING;
        }
        if (hint == Hint.REGION) {
            score += place.kind() == PlaceKind.REGION ? WORDING : -2;
        } else if (hint == Hint.CITY) {
            score += place.kind() == PlaceKind.CITY ? WORDING / 2 : -1;
        }
        String country = place.countryCode();
        if (country != null && context.countries().containsKey(country)) {
            score += place.kind() == PlaceKind.COUNTRY ? 1 : IN_ARTICLE_COUNTRY;
        }
        String region = place.regionCode();
        if (region != null && place.kind() != PlaceKind.COUNTRY && context.regions().containsKey(region)) {
            score += IN_ARTICLE_REGION;
        }
        return score;
    }

    /**
     * The mention spells the place's name exactly, or the part before a comma ("Washington" for "Washington,
     * D.C."), or matches one of its listed other names ("Kiev", "New York"); not a mere spelling variant of the
     * name, nor a shortening made by the gazetteer.
     */
    private static boolean isExactSpelling(Gazetteer.Entry entry, String spelling) {
        String name = entry.place().name();
        int comma = name.indexOf(", ");
        return NameKeys.fold(name).equals(spelling)
                || (comma > 0 && NameKeys.fold(name.substring(0, comma)).equals(spelling))
                || (!entry.derived() && !NameKeys.sameName(name, spelling));
    }

    /** 0 for a village of 1,000 or less, 4 for a city of ten million. */
    private static double size(long population) {
        return Math.max(0, Math.min(4, Math.log10(population + 1.0) - 3));
    }

    private static double capitalBonus(String featureCode) {
        return switch (featureCode) {
            case "PPLC" -> 1;
            case "PPLA" -> 0.5;
            default -> 0;
        };
    }

    /** Bare mentions of a name take the sense its worded mentions had ("Idlib" after "Idlib province"). */
    private static void oneSensePerDiscourse(List<Query> queries, List<@Nullable Place> chosen) {
        Map<String, Map<Place, Integer>> wordedSenses = new HashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            Place place = chosen.get(i);
            if (place != null && queries.get(i).hint() != Hint.NONE) {
                wordedSenses.computeIfAbsent(queries.get(i).key(), k -> new LinkedHashMap<>())
                        .merge(place, 1, Integer::sum);
            }
        }
        for (int i = 0; i < queries.size(); i++) {
            Map<Place, Integer> senses = wordedSenses.get(queries.get(i).key());
            if (senses != null && queries.get(i).hint() == Hint.NONE) {
                chosen.set(i, senses.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
            }
        }
    }

    private List<ResolvedPlace> assemble(List<Query> queries, List<@Nullable Place> chosen) {
        Map<String, List<Mention>> mentionsById = new LinkedHashMap<>();
        Map<String, Place> placesById = new HashMap<>();
        Map<String, List<Query>> unresolvedByKey = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            Place place = chosen.get(i);
            if (place == null) {
                if (!queries.get(i).key().isEmpty()) {
                    unresolvedByKey.computeIfAbsent(queries.get(i).key(), k -> new ArrayList<>()).add(queries.get(i));
                }
                continue;
            }
            mentionsById.computeIfAbsent(place.id(), id -> new ArrayList<>()).add(queries.get(i).mention());
            placesById.put(place.id(), place);
        }
        List<ResolvedPlace> resolved = new ArrayList<>();
        mentionsById.forEach((id, mentions) -> {
            Place place = placesById.get(id);
            resolved.add(new ResolvedPlace(place, regionOf(place), countryOf(place), false, mentions));
        });
        Guess guess = guess(resolved);
        for (List<Query> same : unresolvedByKey.values()) {
            resolved.add(unresolved(same, guess));
        }
        return resolved;
    }

    private @Nullable Place regionOf(Place place) {
        return switch (place.kind()) {
            case REGION -> place;
            case CITY -> place.regionCode() == null ? null : gazetteer.region(place.regionCode()).orElse(null);
            default -> null;
        };
    }

    private @Nullable Place countryOf(Place place) {
        if (place.kind() == PlaceKind.COUNTRY) {
            return place;
        }
        return place.countryCode() == null ? null : gazetteer.country(place.countryCode()).orElse(null);
    }

    /** The article's most mentioned region (counting its cities), else its most mentioned country. */
    record Guess(@Nullable Place region, @Nullable Place country) {}

    private Guess guess(List<ResolvedPlace> resolved) {
        Map<Place, Integer> regions = new LinkedHashMap<>();
        Map<Place, Integer> countries = new LinkedHashMap<>();
        for (ResolvedPlace place : resolved) {
            if (place.region() != null) {
                regions.merge(place.region(), place.mentions().size(), Integer::sum);
            }
            if (place.country() != null) {
                countries.merge(place.country(), place.mentions().size(), Integer::sum);
            }
        }
        Optional<Place> region = regions.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        if (region.isPresent()) {
            return new Guess(region.get(), countryOf(region.get()));
        }
        return new Guess(null,
                countries.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null));
    }

    private static ResolvedPlace unresolved(List<Query> queries, Guess guess) {
        Map<String, Integer> spellings = new LinkedHashMap<>();
        queries.forEach(q -> spellings.merge(q.name(), 1, Integer::sum));
        String name = spellings.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Place country = guess.country();
        String countryCode = country == null ? null : country.countryCode();
        Place region = guess.region();
        String id = "place:unresolved:" + (countryCode == null ? "xx" : countryCode.toLowerCase(Locale.ROOT)) + ":"
                + NameKeys.slug(name);
        Place place = new Place(id, PlaceKind.LOCALITY, name, countryCode, region == null ? null : region.regionCode(),
                Double.NaN, Double.NaN, 0, CoordinateSource.NONE, "");
        List<Mention> mentions = queries.stream().map(Query::mention)
                .sorted(Comparator.comparingInt(Mention::begin)).toList();
        return new ResolvedPlace(place, region, country, true, mentions);
    }
}
