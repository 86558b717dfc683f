package org.clipfile.ingest.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.clipfile.article.ArticleDraft;
import org.clipfile.ingest.InvalidArticleException;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores {@link HtmlArticleExtractor} on the shared development corpora (not a test: it reports, never fails).
 * Body: bag-of-words token F1 against the expected text, mean per set over scorable pages. Title: exact after
 * whitespace normalization. Byline: equal ignoring case, whitespace, a leading "By" and a trailing dateline. Date:
 * same calendar day. Both corpora are development data: nothing in the extractor may know their sites.
 *
 * <p>From the project root (the corpora are looked for in ../shared/corpora/html unless given):
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/test-classpath.txt" -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.clipfile.ingest.html.HtmlExtractionEvaluation [corpora-dir]
 * </pre>
 * It writes target/evaluation/html-extraction.md and .json; {@code -Ddump=true} also writes each extracted text
 * under target/evaluation/dump.
 */
public final class HtmlExtractionEvaluation {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String READABILITY_URL = "http://fakehost/test/page.html";

    record PageResult(String set, String page, @Nullable String unscorable, double precision, double recall, double f1,
            @Nullable Boolean title, @Nullable Boolean titleWithoutSiteSuffix, @Nullable Boolean byline, @Nullable Boolean date, @Nullable Boolean siteName,
            @Nullable Boolean language, @Nullable String error, String expectedTitle, String actualTitle,
            String expectedByline, String actualByline, String expectedDate, String actualDate) {}

    record SetSummary(String set, int pages, int unscorable, int failures, double bodyF1, double bodyPrecision,
            double bodyRecall, double bodyF1AllPages, Rate title, Rate titleWithoutSiteSuffix, Rate byline, Rate date, Rate siteName,
            Rate language) {}

    record Rate(int correct, int total) {
        double value() {
            return total == 0 ? Double.NaN : (double) correct / total;
        }

        @Override
        public String toString() {
            return total == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f (%d/%d)", value(), correct, total);
        }
    }

    public static void main(String[] args) throws IOException {
        Path corpora = Path.of(args.length > 0 ? args[0] : "../shared/corpora/html");
        Path readability = corpora.resolve("readability");
        Path newspaper = corpora.resolve("newspaper");
        if (!Files.isDirectory(readability) && !Files.isDirectory(newspaper)) {
            System.out.println("No corpora under " + corpora.toAbsolutePath().normalize() + ": nothing to evaluate.");
            return;
        }
        boolean dump = Boolean.getBoolean("dump");
        Path out = Path.of("target/evaluation");
        Files.createDirectories(out);
        HtmlArticleExtractor extractor = new HtmlArticleExtractor();
        List<PageResult> results = new ArrayList<>();
        if (Files.isDirectory(readability)) {
            results.addAll(readabilitySet(extractor, readability, dump ? out.resolve("dump/readability") : null));
        }
        if (Files.isDirectory(newspaper.resolve("html"))) {
            results.addAll(newspaperSet(extractor, newspaper, dump ? out.resolve("dump/newspaper") : null));
        }
        List<SetSummary> summaries = new ArrayList<>();
        for (String set : results.stream().map(PageResult::set).distinct().toList()) {
            summaries.add(summarize(set, results.stream().filter(r -> r.set().equals(set)).toList()));
        }
        String report = markdown(summaries, results);
        System.out.print(report.substring(0, report.indexOf("## Weakest pages")));
        Files.writeString(out.resolve("html-extraction.md"), report);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("summaries", summaries);
        json.put("pages", results);
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("html-extraction.json").toFile(), json);
        System.out.println("Wrote " + out.resolve("html-extraction.md") + " and html-extraction.json");
    }

    private static List<PageResult> readabilitySet(HtmlArticleExtractor extractor, Path root, @Nullable Path dump)
            throws IOException {
        List<PageResult> results = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> list = Files.list(root)) {
            pages = list.filter(p -> Files.exists(p.resolve("source.html")) && Files.exists(p.resolve("expected.html")))
                    .sorted()
                    .toList();
        }
        for (Path page : pages) {
            String expectedText = Jsoup.parse(Files.readString(page.resolve("expected.html"))).text();
            JsonNode metadata = Files.exists(page.resolve("expected-metadata.json"))
                    ? JSON.readTree(page.resolve("expected-metadata.json").toFile())
                    : JSON.createObjectNode();
            results.add(score("readability", page.getFileName().toString(), extractor,
                    Files.readAllBytes(page.resolve("source.html")), READABILITY_URL, expectedText,
                    text(metadata, "title"), text(metadata, "byline"), text(metadata, "publishedTime"),
                    text(metadata, "siteName"), text(metadata, "lang"), dump));
        }
        return results;
    }

    /** html/NAME.html pairs with text/NAME.txt, or with the name less its "_article" suffix (arabic_article). */
    private static List<PageResult> newspaperSet(HtmlArticleExtractor extractor, Path root, @Nullable Path dump)
            throws IOException {
        List<PageResult> results = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> list = Files.list(root.resolve("html"))) {
            pages = list.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path html : pages) {
            String name = html.getFileName().toString().replaceFirst("\\.html$", "");
            Path text = root.resolve("text").resolve(name + ".txt");
            if (!Files.exists(text)) {
                text = root.resolve("text").resolve(name.replace("_article", "") + ".txt");
            }
            if (!Files.exists(text)) {
                continue;
            }
            results.add(score("newspaper", name, extractor, Files.readAllBytes(html), null,
                    Files.readString(text, StandardCharsets.UTF_8), null, null, null, null, null, dump));
        }
        return results;
    }

    private static PageResult score(String set, String page, HtmlArticleExtractor extractor, byte[] html,
            @Nullable String url, String expectedText, @Nullable String expectedTitle, @Nullable String expectedByline,
            @Nullable String expectedDate, @Nullable String expectedSite, @Nullable String expectedLang,
            @Nullable Path dump) throws IOException {
        ArticleDraft draft = null;
        String error = null;
        try {
            draft = extractor.extract(html, url);
        } catch (InvalidArticleException e) {
            error = e.getMessage();
        }
        String body = draft == null ? "" : draft.body();
        if (dump != null) {
            Files.createDirectories(dump);
            Files.writeString(dump.resolve(page + ".txt"), draft == null ? "ERROR " + error
                    : draft.title() + "\n" + draft.byline() + "\n" + draft.published() + "\n---\n" + body);
        }
        double[] prf = TokenOverlap.score(expectedText, body);
        String unscorable = unscorable(expectedText, html);
        Boolean title = expectedTitle == null ? null : draft != null && spaces(expectedTitle).equals(spaces(draft.title()));
        Boolean titleLenient = expectedTitle == null ? null : draft != null
                && (spaces(expectedTitle).equals(spaces(draft.title()))
                        || spaces(withoutLastPart(expectedTitle)).equals(spaces(draft.title())));
        Boolean byline = expectedByline == null ? null
                : draft != null && draft.byline() != null && person(expectedByline).equals(person(draft.byline()));
        Boolean date = expectedDate == null ? null : draft != null && sameDay(expectedDate, draft.published());
        Boolean site = expectedSite == null ? null
                : draft != null && draft.source() != null && spaces(expectedSite).equalsIgnoreCase(spaces(draft.source()));
        Boolean lang = expectedLang == null ? null
                : draft != null && draft.language() != null && expectedLang.equalsIgnoreCase(draft.language());
        return new PageResult(set, page, unscorable, prf[0], prf[1], prf[2], title, titleLenient, byline, date, site, lang, error,
                String.valueOf(expectedTitle), draft == null ? "" : draft.title(), String.valueOf(expectedByline),
                draft == null ? "" : String.valueOf(draft.byline()), String.valueOf(expectedDate),
                draft == null ? "" : String.valueOf(draft.published()));
    }

    /**
     * Some expected texts cannot measure an extractor: an annotator's note in capitals ("MISSED LAST SENTENCE"),
     * nothing, or text that is not in the HTML at all (loaded by script). Such pages are counted but kept out of
     * the body F1; the report also gives the F1 over all pages.
     */
    private static @Nullable String unscorable(String expectedText, byte[] html) {
        String stripped = expectedText.strip();
        if (stripped.isEmpty()) {
            return "expected text is empty";
        }
        long letters = stripped.codePoints().filter(Character::isLetter).count();
        long upper = stripped.codePoints().filter(Character::isUpperCase).count();
        if (stripped.length() < 500 && letters > 0 && upper * 10 >= letters * 9) {
            return "expected text is an annotator's note";
        }
        String pageText = Jsoup.parse(HtmlCharsets.decode(html).text()).text();
        if (TokenOverlap.shinglesFound(expectedText, pageText) < 0.5) {
            return "expected text is mostly not in the page";
        }
        return null;
    }

    /** Same calendar day in the expected date's own zone or in UTC (pages often give a date without a zone). */
    private static boolean sameDay(String expected, @Nullable Instant actual) {
        if (actual == null) {
            return false;
        }
        OffsetDateTime when;
        try {
            when = OffsetDateTime.parse(expected);
        } catch (DateTimeParseException e) {
            Instant parsed = PublishedDates.parse(expected);
            if (parsed == null) {
                return false;
            }
            when = parsed.atOffset(ZoneOffset.UTC);
        }
        var actualDay = actual.atOffset(ZoneOffset.UTC).toLocalDate();
        return when.toLocalDate().equals(actualDay)
                || when.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().equals(actualDay)
                || when.toLocalDate().equals(actual.atOffset(when.getOffset()).toLocalDate());
    }

    /** "Headline | Site" without " | Site": the reference keeps suffixes that this extractor strips on purpose. */
    private static String withoutLastPart(String title) {
        java.util.regex.Matcher separator = java.util.regex.Pattern.compile("\\s+(?:[|\\-–—·:»]|::)\\s+").matcher(title);
        int last = -1;
        while (separator.find()) {
            last = separator.start();
        }
        return last > 0 ? title.substring(0, last) : title;
    }

    private static String spaces(String text) {
        return text.replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    /** Both sides alike: lower case, no leading "By"/"Par", nothing from a dateline on ("By X\n March 25, 2015"). */
    private static String person(String byline) {
        String text = spaces(byline).toLowerCase(Locale.ROOT).replaceFirst("^(?:written\\s+)?(?:by|par|von|por)\\s+", "");
        java.util.regex.Matcher date = java.util.regex.Pattern.compile("\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
                + "|dec)[a-z]*\\.?\\s+\\d{1,2}\\b|\\b\\d{4}-\\d{2}-\\d{2}").matcher(text);
        return (date.find() ? text.substring(0, date.start()) : text).replaceAll("[\\s,|·-]+$", "");
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.stringValue().isBlank() ? null : value.stringValue();
    }

    private static SetSummary summarize(String set, List<PageResult> all) {
        List<PageResult> results = all.stream().filter(r -> r.unscorable() == null).toList();
        return new SetSummary(set, all.size(), all.size() - results.size(),
                (int) results.stream().filter(r -> r.error() != null).count(),
                results.stream().mapToDouble(PageResult::f1).average().orElse(Double.NaN),
                results.stream().mapToDouble(PageResult::precision).average().orElse(Double.NaN),
                results.stream().mapToDouble(PageResult::recall).average().orElse(Double.NaN),
                all.stream().mapToDouble(PageResult::f1).average().orElse(Double.NaN),
                rate(results, PageResult::title), rate(results, PageResult::titleWithoutSiteSuffix),
                rate(results, PageResult::byline), rate(results, PageResult::date),
                rate(results, PageResult::siteName), rate(results, PageResult::language));
    }

    private static Rate rate(List<PageResult> results, java.util.function.Function<PageResult, Boolean> field) {
        int correct = 0;
        int total = 0;
        for (PageResult result : results) {
            Boolean value = field.apply(result);
            if (value != null) {
                total++;
                correct += value ? 1 : 0;
            }
        }
        return new Rate(correct, total);
    }

    private static String markdown(List<SetSummary> summaries, List<PageResult> results) {
        StringBuilder md = new StringBuilder("# HTML extraction evaluation\n\n");
        md.append("| set | pages | unscorable | no text | body F1 | precision | recall | F1 all pages | title "
                + "| title less site suffix | byline | date | site | lang |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SetSummary s : summaries) {
            md.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %s | %s | %s | %s | %s | %s |%n", s.set(),
                    s.pages(), s.unscorable(), s.failures(), s.bodyF1(), s.bodyPrecision(), s.bodyRecall(),
                    s.bodyF1AllPages(), s.title(), s.titleWithoutSiteSuffix(), s.byline(), s.date(), s.siteName(),
                    s.language()));
        }
        md.append("\nBody F1 is the mean bag-of-words token F1 over scorable pages; \"no text\" counts scorable pages "
                + "the extractor refused (scored 0). \"Title less site suffix\" also accepts the expected title without its "
                + "last \" | Site\" part, which the reference keeps and this extractor strips on purpose.\n");
        md.append("\n## Weakest pages (body F1)\n\n| set | page | F1 | precision | recall |\n|---|---|---|---|---|\n");
        results.stream().filter(r -> r.unscorable() == null).sorted(Comparator.comparingDouble(PageResult::f1)).limit(25)
                .forEach(r -> md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f |%n", r.set(),
                        r.page(), r.f1(), r.precision(), r.recall())));
        md.append("\n## Unscorable pages\n\n");
        results.stream().filter(r -> r.unscorable() != null)
                .forEach(r -> md.append("- ").append(r.set()).append(' ').append(r.page()).append(": ")
                        .append(r.unscorable()).append('\n'));
        md.append("\n## Metadata misses\n\n");
        for (PageResult r : results) {
            if (Boolean.FALSE.equals(r.title())) {
                md.append("- title ").append(r.page()).append(": expected `").append(r.expectedTitle())
                        .append("`, got `").append(r.actualTitle()).append("`\n");
            }
            if (Boolean.FALSE.equals(r.byline())) {
                md.append("- byline ").append(r.page()).append(": expected `").append(r.expectedByline())
                        .append("`, got `").append(r.actualByline()).append("`\n");
            }
            if (Boolean.FALSE.equals(r.date())) {
                md.append("- date ").append(r.page()).append(": expected `").append(r.expectedDate())
                        .append("`, got `").append(r.actualDate()).append("`\n");
            }
        }
        return md.toString();
    }

    /** Word tokens, lower-cased; each character of scripts written without spaces counts as one token. */
    static final class TokenOverlap {
        private TokenOverlap() {}

        static double[] score(String expected, String actual) {
            Map<String, Integer> want = tokens(expected);
            Map<String, Integer> got = tokens(actual);
            int wantTotal = want.values().stream().mapToInt(Integer::intValue).sum();
            int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
            int overlap = 0;
            for (Map.Entry<String, Integer> entry : got.entrySet()) {
                overlap += Math.min(entry.getValue(), want.getOrDefault(entry.getKey(), 0));
            }
            if (wantTotal == 0 && gotTotal == 0) {
                return new double[] {1, 1, 1};
            }
            double precision = gotTotal == 0 ? 0 : (double) overlap / gotTotal;
            double recall = wantTotal == 0 ? 0 : (double) overlap / wantTotal;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new double[] {precision, recall, f1};
        }

        /** Share of the expected text's runs of five tokens that occur in the other text: order matters here. */
        static double shinglesFound(String expected, String text) {
            List<String> want = sequence(expected);
            if (want.size() < 5) {
                return 1;
            }
            List<String> have = sequence(text);
            java.util.Set<String> shingles = new java.util.HashSet<>();
            for (int i = 0; i + 5 <= have.size(); i++) {
                shingles.add(String.join(" ", have.subList(i, i + 5)));
            }
            int found = 0;
            for (int i = 0; i + 5 <= want.size(); i++) {
                found += shingles.contains(String.join(" ", want.subList(i, i + 5))) ? 1 : 0;
            }
            return (double) found / (want.size() - 4);
        }

        static Map<String, Integer> tokens(String text) {
            Map<String, Integer> counts = new HashMap<>();
            for (String token : sequence(text)) {
                counts.merge(token, 1, Integer::sum);
            }
            return counts;
        }

        static List<String> sequence(String text) {
            List<String> counts = new ArrayList<>();
            String lower = text.toLowerCase(Locale.ROOT);
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < lower.length(); ) {
                int cp = lower.codePointAt(i);
                i += Character.charCount(cp);
                if (isUnspacedScript(cp)) {
                    add(counts, word);
                    counts.add(new String(Character.toChars(cp)));
                } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                        || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                    word.appendCodePoint(cp);
                } else {
                    add(counts, word);
                }
            }
            add(counts, word);
            return counts;
        }

        private static void add(List<String> counts, StringBuilder word) {
            if (!word.isEmpty()) {
                counts.add(word.toString());
                word.setLength(0);
            }
        }

        private static boolean isUnspacedScript(int cp) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
        }
    }
}
