package org.clipfile.enrich.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.clipfile.enrich.names.NameKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An offline gazetteer: GeoNames countries, first-level regions and populated places (see
 * {@code enrich/places/NOTICE.md}), country names from the JDK, aliases and demonyms from {@code countries.tsv},
 * areas above countries from {@code areas.tsv}. Names are indexed by {@link NameKeys#key}, so case, diacritics and
 * romanisations ("Ar Raqqah", "Raqqa") do not matter. Immutable once loaded: share one instance.
 */
public final class Gazetteer {
    private static final Logger log = LoggerFactory.getLogger(Gazetteer.class);
    public static final String DEFAULT_RESOURCE = "/enrich/places/gazetteer.tsv.gz";
    public static final String COUNTRIES_RESOURCE = "/enrich/places/countries.tsv";
    public static final String AREAS_RESOURCE = "/enrich/places/areas.tsv";
    public static final String PLACE_ALIASES_RESOURCE = "/enrich/places/place-aliases.tsv";

    /** Trailing words of region names that news often leaves out ("Damascus Governorate": Damascus). */
    private static final List<String> REGION_SUFFIXES = List.of(" governorate", " province", " region", " oblast",
            " krai", " prefecture", " state", " county", " district", " department", " municipality", " voivodeship",
            " emirate", " territory", " division", " city");

    /** How a place got one of its names. */
    enum NameSource {
        /** Its own name, an alias, or the name before a comma ("Washington, D.C."): an exact spelling. */
        EXACT,
        /** A shortening made here ("Damascus Governorate": Damascus, "Mexico City": Mexico): weaker. */
        DERIVED
    }

    /** A place under one of its names. */
    record Entry(Place place, NameSource source) {
        boolean derived() {
            return source == NameSource.DERIVED;
        }
    }

    private final Map<String, Entry[]> byKey;
    private final Map<String, Place> byId;
    private final Map<String, Place> countries;
    private final Map<String, Place> regions;
    private final Map<String, String> demonyms;

    private Gazetteer(Map<String, Entry[]> byKey, Map<String, Place> byId, Map<String, Place> countries,
            Map<String, Place> regions, Map<String, String> demonyms) {
        this.byKey = byKey;
        this.byId = byId;
        this.countries = countries;
        this.regions = regions;
        this.demonyms = demonyms;
    }

    public static Gazetteer loadDefault() {
        try (InputStream places = resource(DEFAULT_RESOURCE);
                InputStream countries = resource(COUNTRIES_RESOURCE);
                InputStream areas = resource(AREAS_RESOURCE);
                InputStream aliases = resource(PLACE_ALIASES_RESOURCE)) {
            return load(new GZIPInputStream(places, 1 << 16), countries, areas, aliases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Gazetteer.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }

    /**
     * @param places the gazetteer TSV (uncompressed), as written by {@code scripts/build-gazetteer.sh}
     * @param countries {@code countries.tsv}: code, display name, aliases, demonyms
     * @param areas {@code areas.tsv}: slug, name, aliases
     * @param aliases {@code place-aliases.tsv}: other English names of places (Kiev, New York), by place id
     */
    public static Gazetteer load(InputStream places, InputStream countries, InputStream areas, InputStream aliases)
            throws IOException {
        long start = System.nanoTime();
        Builder builder = new Builder();
        builder.readCountryNames(countries);
        builder.readPlaces(places);
        builder.readAreas(areas);
        builder.readPlaceAliases(aliases);
        Gazetteer gazetteer = builder.build();
        log.info("Gazetteer: {} countries, {} regions, {} places under {} names, loaded in {} ms",
                gazetteer.countries.size(), gazetteer.regions.size(), gazetteer.size(), gazetteer.byKey.size(),
                (System.nanoTime() - start) / 1_000_000);
        return gazetteer;
    }

    /** Every place one of whose names has the key of this name, of any kind. */
    public List<Place> lookup(String name) {
        return entries(name).stream().map(Entry::place).toList();
    }

    List<Entry> entries(String name) {
        Entry[] entries = byKey.get(NameKeys.key(name));
        return entries == null ? List.of() : List.of(entries);
    }

    public Optional<Place> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** A country by its ISO 3166-1 alpha-2 code, in any case. */
    public Optional<Place> country(String code) {
        return Optional.ofNullable(countries.get(code.toUpperCase(Locale.ROOT)));
    }

    /** A region by its GeoNames admin1 code with country, "SY.12". */
    public Optional<Place> region(String regionCode) {
        return Optional.ofNullable(regions.get(regionCode));
    }

    /** The country of a nationality word: "Syrian", "Syrians": Syria. */
    public Optional<Place> countryOfDemonym(String word) {
        String folded = NameKeys.fold(word);
        String code = demonyms.get(folded);
        if (code == null && folded.endsWith("s")) {
            code = demonyms.get(folded.substring(0, folded.length() - 1));
        }
        return code == null ? Optional.empty() : country(code);
    }

    public boolean isDemonym(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && countryOfDemonym(word).isPresent();
    }

    /** Whether this is the name of a country, exactly (not a shortening, not a city of the same name). */
    public boolean isCountryName(String name) {
        for (Entry entry : entries(name)) {
            if (entry.place().kind() == PlaceKind.COUNTRY && !entry.derived()) {
                return true;
            }
        }
        return false;
    }

    /** The number of distinct places (some are known under an older id too). */
    public int size() {
        return places().size();
    }

    private static final class Builder {
        private final Map<String, List<Entry>> byKey = new HashMap<>(400_000);
        private final Map<String, Place> byId = new HashMap<>(400_000);
        private final Map<String, Place> countries = new LinkedHashMap<>();
        private final Map<String, Place> regions = new HashMap<>();
        private final Map<String, String> demonyms = new HashMap<>();
        private final Map<String, CountryNames> countryNames = new HashMap<>();
        /** One String instance per country and region code: 175k places share a few thousand codes. */
        private final Map<String, String> codes = new HashMap<>();
        /** Place rows without a GeoNames id or population, kept until every numbered place is read. */
        private final List<String[]> unnumbered = new ArrayList<>();

        private record CountryNames(String name, List<String> aliases) {}

        void readCountryNames(InputStream in) throws IOException {
            for (String[] row : rows(in)) {
                String code = row[0].strip().toUpperCase(Locale.ROOT);
                String displayName = column(row, 1);
                List<String> aliases = split(column(row, 2));
                for (String demonym : split(column(row, 3))) {
                    demonyms.put(NameKeys.fold(demonym), code);
                }
                countryNames.put(code, new CountryNames(displayName, aliases));
            }
        }

        void readPlaces(InputStream in) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "C" -> addCountry(f);
                    case "R" -> addRegion(f);
                    case "P" -> {
                        if (f[1].startsWith("city:") && "0".equals(f[7])) {
                            unnumbered.add(f);
                        } else {
                            addCity(f);
                        }
                    }
                    default -> throw new IOException("Unknown gazetteer line: " + line);
                }
            }
            addUnnumbered();
            // Countries of the JDK the data lists no place in (Bouvet Island) still have a name.
            for (String code : Locale.getISOCountries()) {
                if (!countries.containsKey(code)) {
                    addCountry(new String[] {"C", code, "", "", "0", "none", ""});
                }
            }
        }

        private void addCountry(String[] f) {
            String code = code(f[1]);
            CountryNames names = countryNames.get(code);
            String jdkName = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            String name = names != null && !names.name().isEmpty() ? names.name() : jdkName;
            boolean located = !f[2].isEmpty();
            Place country = new Place("place:country:" + code, PlaceKind.COUNTRY, name, code, null,
                    located ? Double.parseDouble(f[2]) : Double.NaN, located ? Double.parseDouble(f[3]) : Double.NaN,
                    Long.parseLong(f[4]), coordinateSource(f[5]), "");
            countries.put(code, country);
            byId.put(country.id(), country);
            List<String> all = new ArrayList<>();
            all.add(name);
            all.add(jdkName);
            if (names != null) {
                all.addAll(names.aliases());
            }
            for (String n : all) {
                index(n, country, false);
                if (n.contains("&")) {
                    index(n.replace("&", "and"), country, false);
                }
                if (n.startsWith("St. ")) {
                    index("Saint " + n.substring(4), country, false);
                }
                int paren = n.indexOf(" (");
                if (paren > 0) {
                    index(n.substring(0, paren), country, false);
                    index(n.substring(paren + 2, n.length() - 1), country, false);
                }
            }
        }

        private void addRegion(String[] f) {
            String regionCode = code(f[1]);
            String countryCode = code(regionCode.substring(0, regionCode.indexOf('.')));
            boolean located = !f[3].isEmpty();
            Place region = new Place("place:region:" + regionCode, PlaceKind.REGION, f[2], countryCode, regionCode,
                    located ? Double.parseDouble(f[3]) : Double.NaN, located ? Double.parseDouble(f[4]) : Double.NaN,
                    Long.parseLong(f[5]), coordinateSource(f[6]), "");
            regions.put(regionCode, region);
            byId.put(region.id(), region);
            index(f[2], region, false);
            String lower = f[2].toLowerCase(Locale.ROOT);
            for (String suffix : REGION_SUFFIXES) {
                if (lower.endsWith(suffix) && lower.length() > suffix.length() + 2) {
                    index(f[2].substring(0, f[2].length() - suffix.length()), region, true);
                }
            }
        }

        /**
         * Places of the name-only source (no GeoNames id, no population) that lie where a numbered place of the same
         * country lies are that place under another name ("Geneva" at the coordinates of "Genève", 183,981
         * people): the name becomes one of its names, and the name-based id leads to it. Others are places of
         * their own.
         */
        private void addUnnumbered() {
            Map<String, Place> byPosition = new HashMap<>();
            for (Place place : byId.values()) {
                if (place.kind() == PlaceKind.CITY && place.population() > 0) {
                    byPosition.merge(position(place.countryCode(), place.latitude(), place.longitude()), place,
                            (a, b) -> a.population() >= b.population() ? a : b);
                }
            }
            for (String[] f : unnumbered) {
                Place twin = byPosition.get(position(code(f[3]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6])));
                if (twin == null) {
                    addCity(f);
                } else {
                    byId.putIfAbsent("place:" + f[1], twin);
                    index(f[2], twin, false);
                }
            }
            unnumbered.clear();
        }

        private static String position(@Nullable String country, double latitude, double longitude) {
            return country + "|" + Math.round(latitude * 1000) + "|" + Math.round(longitude * 1000);
        }

        private void addCity(String[] f) {
            String countryCode = code(f[3]);
            String regionCode = f[4].isEmpty() ? null : code(countryCode + "." + f[4]);
            Place city = new Place("place:" + f[1], PlaceKind.CITY, f[2], countryCode, regionCode,
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), Long.parseLong(f[7]), CoordinateSource.PLACE,
                    code(f[8]));
            byId.put(city.id(), city);
            String name = f[2];
            index(name, city, false);
            int comma = name.indexOf(", ");
            // "Washington, D.C." is written "Washington" as often as not.
            if (comma > 0) {
                index(name.substring(0, comma), city, false);
            }
            if (name.endsWith(" City") && name.length() > 7) {
                index(name.substring(0, name.length() - 5), city, true);
            }
        }

        void readPlaceAliases(InputStream in) throws IOException {
            for (String[] row : rows(in)) {
                Place place = byId.get(column(row, 1));
                if (place == null) {
                    throw new IOException("place-aliases.tsv names an unknown place: " + String.join(" ", row));
                }
                index(row[0].strip(), place, false);
            }
        }

        void readAreas(InputStream in) throws IOException {
            for (String[] row : rows(in)) {
                String slug = row[0].strip();
                Place area = new Place("place:area:" + slug, PlaceKind.AREA, row[1].strip(), null, null, Double.NaN,
                        Double.NaN, 0, CoordinateSource.NONE, "");
                byId.put(area.id(), area);
                index(area.name(), area, false);
                for (String alias : split(column(row, 2))) {
                    index(alias, area, false);
                }
            }
        }

        private void index(String name, Place place, boolean derived) {
            String key = NameKeys.key(name);
            if (key.isEmpty()) {
                return;
            }
            List<Entry> entries = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
            NameSource source = derived ? NameSource.DERIVED : NameSource.EXACT;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).place() == place) {
                    if (entries.get(i).derived() && !derived) {
                        entries.set(i, new Entry(place, source));
                    }
                    return;
                }
            }
            entries.add(new Entry(place, source));
        }

        private String code(String code) {
            return codes.computeIfAbsent(code, c -> c);
        }

        Gazetteer build() {
            Map<String, Entry[]> compact = new HashMap<>(byKey.size() * 4 / 3 + 1);
            byKey.forEach((key, entries) -> compact.put(key, entries.toArray(Entry[]::new)));
            return new Gazetteer(compact, byId, Map.copyOf(countries), Map.copyOf(regions), Map.copyOf(demonyms));
        }

        private static CoordinateSource coordinateSource(String source) {
            return switch (source) {
                case "capital" -> CoordinateSource.CAPITAL;
                case "seat" -> CoordinateSource.SEAT;
                case "centroid" -> CoordinateSource.CENTROID;
                default -> CoordinateSource.NONE;
            };
        }

        private static List<String[]> rows(InputStream in) throws IOException {
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        }

        private static String column(String[] row, int index) {
            return index < row.length ? row[index].strip() : "";
        }

        private static List<String> split(String values) {
            List<String> list = new ArrayList<>();
            for (String value : values.split("\\|")) {
                if (!value.isBlank()) {
                    list.add(value.strip());
                }
            }
            return list;
        }
    }

    /** Every place, for tests and tools. */
    Collection<Place> places() {
        return byId.values().stream().distinct().toList();
    }
}
