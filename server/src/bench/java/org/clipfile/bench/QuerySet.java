package org.clipfile.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clipfile.search.Facet;
import org.clipfile.search.SearchParameters;
import org.clipfile.search.SearchRequestFactory;
import org.clipfile.search.Selection;
import tools.jackson.databind.JsonNode;

/**
 * A fixed, deterministic set of realistic searches (seeded generator): words, phrases, operators of the query
 * language, entity filters and multi-select facets on values present in the captured articles, date ranges,
 * four-facet searches, plain browsing and deep cursor pages. Facet values come from real articles, so most
 * combinations match something.
 */
final class QuerySet {
    enum Kind { words, phrase, operators, entity, multiselect, daterange, facets4, browse, cursor }

    /** One search: its parameters, and for cursor pages the depth to walk before measuring. */
    record Query(int n, Kind kind, SearchParameters parameters, int cursorDepth) {
        /** The query string Clipfile's GET /api/search reads into exactly these parameters. */
        String queryString() {
            List<String> parts = new ArrayList<>();
            if (parameters.q() != null) {
                parts.add("q=" + enc(parameters.q()));
            }
            parameters.selections().forEach((facet, selection) -> {
                selection.include().forEach(v -> parts.add(facet.parameter() + "=" + enc(v)));
                selection.exclude().forEach(v -> parts.add("-" + facet.parameter() + "=" + enc(v)));
            });
            if (parameters.publishedFrom() != null) {
                parts.add("from=" + enc(parameters.publishedFrom().toString()));
            }
            if (parameters.publishedTo() != null) {
                parts.add("to=" + enc(parameters.publishedTo().toString()));
            }
            parts.add("sort=" + parameters.sort());
            if (cursorDepth == 0) {
                parts.add("page=" + parameters.page());
            }
            parts.add("size=" + parameters.size());
            parts.add("facet_size=" + parameters.facetSize());
            return String.join("&", parts);
        }
    }

    static final List<String> WORDS = List.of("oil", "bank", "trade", "shares", "profit", "dollar", "market",
            "prices", "government", "company", "rates", "tax", "exports", "wheat", "coffee", "gold", "sugar",
            "earnings", "dividend", "loss", "debt", "budget", "inflation", "economy", "stock", "bonds", "merger",
            "acquisition", "strike", "tariff", "deficit", "growth", "crude", "opec", "yen", "futures", "loan",
            "sales", "output", "production", "minister", "president", "court", "election", "agreement", "talks",
            "billion", "quarter", "forecast", "plant", "shipping", "imports", "grain", "corn", "soybeans", "cocoa",
            "copper", "steel", "airline", "computer");
    static final List<String> PHRASES = List.of("interest rates", "oil prices", "trade deficit", "net profit",
            "stock exchange", "central bank", "federal reserve", "money supply", "per share", "first quarter",
            "crude oil", "exchange rate", "balance of payments", "common stock", "chief executive",
            "news conference", "tax reform", "budget deficit", "economic growth", "joint venture");

    private final Random random = new Random(8);
    private final List<JsonNode> articles;
    private final Instant first;
    private final Instant last;
    private final Map<Facet, List<String>> top = new EnumMap<>(Facet.class);

    private QuerySet(List<JsonNode> articles, Instant first, Instant last) {
        this.articles = articles;
        this.first = first;
        this.last = last;
        for (Facet facet : Facet.values()) {
            Map<String, Integer> counts = new HashMap<>();
            for (JsonNode a : articles) {
                values(a, facet).forEach(v -> counts.merge(v, 1, Integer::sum));
            }
            top.put(facet, counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(30).map(Map.Entry::getKey).toList());
        }
    }

    /** {@code sources}: the captured articles' _source, in a deterministic order. */
    static List<Query> generate(List<JsonNode> sources, int count) {
        List<JsonNode> withDates = sources.stream().filter(a -> a.hasNonNull("published")).toList();
        Instant first = withDates.stream().map(a -> Instant.parse(a.get("published").asString()))
                .min(Comparator.naturalOrder()).orElse(Instant.parse("1987-01-01T00:00:00Z"));
        Instant last = withDates.stream().map(a -> Instant.parse(a.get("published").asString()))
                .max(Comparator.naturalOrder()).orElse(Instant.parse("1988-01-01T00:00:00Z"));
        return new QuerySet(sources, first, last).generate(count);
    }

    private List<Query> generate(int count) {
        Kind[] plan = {Kind.words, Kind.words, Kind.phrase, Kind.operators, Kind.entity, Kind.entity,
                Kind.multiselect, Kind.daterange, Kind.facets4, Kind.facets4, Kind.browse, Kind.cursor};
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = plan[i % plan.length];
            queries.add(make(i, kind));
        }
        return queries;
    }

    private Query make(int n, Kind kind) {
        Map<Facet, Selection> selections = new LinkedHashMap<>();
        String q = null;
        Instant from = null;
        Instant to = null;
        SearchParameters.Sort sort = SearchParameters.Sort.relevance;
        int page = 1;
        int size = 20;
        int depth = 0;
        switch (kind) {
            case words -> q = String.join(" ", pick(WORDS, 1 + random.nextInt(3)));
            case phrase -> q = "\"" + any(PHRASES) + "\"" + (random.nextBoolean() ? " " + any(WORDS) : "");
            case operators -> q = switch (random.nextInt(7)) {
                case 0 -> any(WORDS) + " OR " + any(WORDS);
                case 1 -> any(WORDS) + " -" + any(WORDS);
                case 2 -> any(WORDS).substring(0, 3) + "*";
                case 3 -> misspell(any(WORDS)) + "~";
                case 4 -> "\"" + any(PHRASES) + "\"~5";
                case 5 -> "(" + any(WORDS) + " OR " + any(WORDS) + ") " + any(WORDS);
                default -> "title:" + any(WORDS);
            };
            case entity -> {
                Facet facet = List.of(Facet.PERSON, Facet.GROUP, Facet.PLACE).get(random.nextInt(3));
                String value = anyOrNull(top.get(facet));
                if (value != null) {
                    select(selections, facet, value);
                }
                if (value == null || random.nextBoolean()) {
                    q = any(WORDS);
                }
            }
            case multiselect -> {
                select(selections, Facet.COUNTRY, pick(top.get(Facet.COUNTRY), 2 + random.nextInt(2)));
                Facet other = List.of(Facet.TAG, Facet.GROUP, Facet.SOURCE).get(random.nextInt(3));
                select(selections, other, pick(top.get(other), 2));
                if (random.nextBoolean()) {
                    q = any(WORDS);
                }
            }
            case daterange -> {
                long span = Math.max(1, Duration.between(first, last).toDays());
                from = first.plus(Duration.ofDays(random.nextLong(span)));
                to = from.plus(Duration.ofDays(7 + random.nextInt(84)));
                q = any(WORDS);
                sort = SearchParameters.Sort.newest;
            }
            case facets4 -> {
                JsonNode a = articleWithFacets();
                int chosen = 0;
                for (Facet facet : List.of(Facet.PERSON, Facet.GROUP, Facet.COUNTRY, Facet.PLACE, Facet.TAG,
                        Facet.SOURCE)) {
                    List<String> values = values(a, facet);
                    if (chosen < 4 && !values.isEmpty()) {
                        select(selections, facet, values.get(random.nextInt(values.size())));
                        chosen++;
                    }
                }
                q = firstWord(a.path("title").asString());
            }
            case browse -> {
                sort = random.nextBoolean() ? SearchParameters.Sort.newest : SearchParameters.Sort.oldest;
                page = 1 + random.nextInt(5);
                if (random.nextBoolean()) {
                    String country = anyOrNull(top.get(Facet.COUNTRY));
                    if (country != null) {
                        select(selections, Facet.COUNTRY, country);
                    }
                }
            }
            case cursor -> {
                sort = random.nextBoolean() ? SearchParameters.Sort.newest : SearchParameters.Sort.relevance;
                if (sort == SearchParameters.Sort.relevance) {
                    q = any(List.of("said", "year", "pct", "company", "market", "government"));
                }
                size = List.of(20, 50, 100).get(random.nextInt(3));
                depth = List.of(3, 10, 25).get(random.nextInt(3));
            }
        }
        return new Query(n, kind, new SearchParameters(q, selections, from, to, sort, page, size, 10), depth);
    }

    /** An article with values in at least four of the facets used by four-facet searches. */
    private JsonNode articleWithFacets() {
        JsonNode best = articles.get(random.nextInt(articles.size()));
        for (int tries = 0; tries < 200; tries++) {
            JsonNode a = articles.get(random.nextInt(articles.size()));
            int facets = 0;
            for (Facet f : List.of(Facet.PERSON, Facet.GROUP, Facet.COUNTRY, Facet.PLACE, Facet.TAG, Facet.SOURCE)) {
                facets += values(a, f).isEmpty() ? 0 : 1;
            }
            if (facets >= 4 && a.path("title").asString().length() > 3) {
                return a;
            }
        }
        return best;
    }

    private static String firstWord(String title) {
        for (String w : title.toLowerCase().split("[^a-z]+")) {
            if (w.length() >= 4) {
                return w;
            }
        }
        return "said";
    }

    private static List<String> values(JsonNode article, Facet facet) {
        JsonNode node = article.get(facet.field());
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asString()));
        } else {
            values.add(node.asString());
        }
        return values;
    }

    private static void select(Map<Facet, Selection> selections, Facet facet, String value) {
        select(selections, facet, List.of(value));
    }

    private static void select(Map<Facet, Selection> selections, Facet facet, List<String> values) {
        if (!values.isEmpty()) {
            selections.put(facet, new Selection(values, List.of()));
        }
    }

    private String misspell(String word) {
        int i = 1 + random.nextInt(Math.max(1, word.length() - 2));
        return word.substring(0, i) + word.substring(Math.min(word.length(), i + 1));
    }

    private <T> T any(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> T anyOrNull(List<T> list) {
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }

    private <T> List<T> pick(List<T> list, int k) {
        List<T> copy = new ArrayList<>(list);
        List<T> picked = new ArrayList<>();
        while (picked.size() < k && !copy.isEmpty()) {
            picked.add(copy.remove(random.nextInt(copy.size())));
        }
        return picked;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The archive span the server computes for the histogram, computed the same way (min and max published). */
    static SearchRequestFactory.DateSpan span(JsonNode aggregations) {
        double min = aggregations.path("first").path("value").asDouble();
        double max = aggregations.path("last").path("value").asDouble();
        return new SearchRequestFactory.DateSpan(Instant.ofEpochMilli((long) min), Instant.ofEpochMilli((long) max));
    }
}
