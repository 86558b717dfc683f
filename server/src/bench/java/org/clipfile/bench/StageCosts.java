package org.clipfile.bench;

import co.elastic.clients.json.JsonpMapper;
import jakarta.json.stream.JsonGenerator;
import jakarta.validation.Validation;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.clipfile.article.Article;
import org.clipfile.enrich.Enricher;
import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.ner.CoreNlpEntityRecognizer;
import org.clipfile.enrich.ner.Mention;
import org.clipfile.enrich.ner.MentionCleaner;
import org.clipfile.enrich.ner.MentionType;
import org.clipfile.enrich.places.Gazetteer;
import org.clipfile.enrich.places.PlaceResolver;
import org.clipfile.ingest.DocumentParser;
import org.clipfile.ingest.DocumentSink;
import org.clipfile.ingest.ImportLimits;
import org.clipfile.ingest.ImportSource;
import org.clipfile.ingest.InvalidArticleException;
import org.clipfile.ingest.PlainTextArticleParser;
import org.clipfile.ingest.RawDocument;
import org.clipfile.ingest.html.HtmlArticleExtractor;

/**
 * CPU cost per document of each stage of an import, measured in this JVM on one thread (thread CPU time) with the
 * same classes the server runs: reading the archive into raw documents ({@link ImportSource}), parsing
 * ({@link DocumentParser}), entity recognition (CoreNLP, {@link CoreNlpEntityRecognizer}), resolution of entities
 * and places ({@link Enricher} fed the recognizer's recorded output), place resolution alone ({@link PlaceResolver}
 * on the cleaned location mentions: an approximation of its share) and serialization of the final article with the
 * Elasticsearch client's mapper. Each stage runs over a warm-up share of the documents first (JIT).
 */
final class StageCosts {
    record Result(int docs, double readMs, double parseMs, double nerMs, double resolveMs, double placesMs,
            double serializeMs, double bodyWords) {
        double entitiesMs() {
            return Math.max(0, resolveMs - placesMs);
        }

        double clipfileCpuMs() {
            return readMs + parseMs + nerMs + resolveMs + serializeMs;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StageCosts() {}

    static Result measure(Path archive, int maxDocs, JsonpMapper mapper) throws Exception {
        List<RawDocument> raw = new ArrayList<>();
        DocumentSink sink = new DocumentSink() {
            @Override
            public void document(RawDocument document) {
                raw.add(document);
            }

            @Override
            public void failure(String name, String reason) {}
        };
        ImportSource source = new ImportSource(archive, archive.getFileName().toString(), null, ImportLimits.defaults());
        source.read(sink);
        raw.clear();
        long c0 = cpu();
        source.read(sink);
        double readMs = (cpu() - c0) / 1e6 / Math.max(1, raw.size());
        List<RawDocument> docs = raw.subList(0, Math.min(maxDocs, raw.size()));
        int warm = Math.max(1, Math.min(docs.size() / 3, 200));

        DocumentParser parser = new DocumentParser(new PlainTextArticleParser(), new HtmlArticleExtractor(),
                Validation.buildDefaultValidatorFactory().getValidator());
        List<Article> articles = new ArrayList<>();
        for (RawDocument d : docs.subList(0, warm)) {
            parseOrNull(parser, d);
        }
        c0 = cpu();
        for (RawDocument d : docs) {
            Article a = parseOrNull(parser, d);
            if (a != null) {
                articles.add(a);
            }
        }
        double parseMs = (cpu() - c0) / 1e6 / docs.size();
        int n = articles.size();
        warm = Math.max(1, Math.min(n / 3, 200));

        CoreNlpEntityRecognizer recognizer = new CoreNlpEntityRecognizer();
        List<String> texts = articles.stream().map(a -> text(a.title(), a.body())).toList();
        for (String t : texts.subList(0, warm)) {
            recognizer.recognize(t);
        }
        Map<String, List<Mention>> recorded = new IdentityHashMap<>();
        c0 = cpu();
        for (String t : texts) {
            recorded.put(t, recognizer.recognize(t));
        }
        double nerMs = (cpu() - c0) / 1e6 / n;

        Gazetteer gazetteer = Gazetteer.loadDefault();
        // The enricher's recognizer replays what CoreNLP found: what is timed is everything after recognition.
        Map<String, List<Mention>> byText = new java.util.HashMap<>();
        recorded.forEach(byText::put);
        Enricher replaying = new Enricher(text -> byText.getOrDefault(text, List.of()), AliasRegistry.loadDefault(),
                gazetteer);
        for (Article a : articles.subList(0, warm)) {
            replaying.enrich(a.title(), a.body());
        }
        List<Article> enriched = new ArrayList<>(n);
        c0 = cpu();
        for (Article a : articles) {
            enriched.add(a.withEntities(replaying.enrich(a.title(), a.body())));
        }
        double resolveMs = (cpu() - c0) / 1e6 / n;

        PlaceResolver places = new PlaceResolver(gazetteer);
        List<List<Mention>> locations = new ArrayList<>(n);
        for (String t : texts) {
            locations.add(MentionCleaner.clean(recorded.get(t)).stream()
                    .filter(m -> m.type() == MentionType.LOCATION).toList());
        }
        for (int i = 0; i < warm; i++) {
            places.resolve(texts.get(i), locations.get(i));
        }
        c0 = cpu();
        for (int i = 0; i < n; i++) {
            places.resolve(texts.get(i), locations.get(i));
        }
        double placesMs = (cpu() - c0) / 1e6 / n;

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Article a : enriched.subList(0, warm)) {
            serialize(mapper, a, out);
        }
        c0 = cpu();
        for (Article a : enriched) {
            serialize(mapper, a, out);
        }
        double serializeMs = (cpu() - c0) / 1e6 / n;

        double words = articles.stream().mapToInt(a -> a.body().split("\\s+").length).average().orElse(0);
        return new Result(n, readMs, parseMs, nerMs, resolveMs, placesMs, serializeMs, words);
    }

    private static Article parseOrNull(DocumentParser parser, RawDocument d) {
        try {
            return parser.parse(d).toArticle(Instant.now());
        } catch (InvalidArticleException e) {
            return null;
        }
    }

    /** The text the enricher analyses (Enricher.enrich). */
    private static String text(String title, String body) {
        return title.isBlank() ? body : body.isBlank() ? title : title.strip() + "\n\n" + body;
    }

    private static void serialize(JsonpMapper mapper, Article article, ByteArrayOutputStream out) {
        out.reset();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            mapper.serialize(article, generator);
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
