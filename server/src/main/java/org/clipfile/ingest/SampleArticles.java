package org.clipfile.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleDraft;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.clipfile.localnode.LocalModeCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the team's sample articles (fictional, source "Clipfile samples") into an empty index on the first start
 * in local mode, so a newcomer's first search shows results. {@code clipfile.samples.enabled=false} turns it off.
 */
@Component
@Conditional(LocalModeCondition.class)
@ConditionalOnBooleanProperty(name = "clipfile.samples.enabled", matchIfMissing = true)
class SampleArticles implements IndexReadyListener {
    private final ArticlePreparer preparer;

    SampleArticles(ArticlePreparer preparer) {
        this.preparer = preparer;
    }

    private static final Logger log = LoggerFactory.getLogger(SampleArticles.class);
    static final String RESOURCE = "/samples/articles.ndjson";

    @Override
    public void indexReady(ArticleIndex index) throws IOException {
        if (index.count() > 0) {
            return;
        }
        List<Article> samples = load().stream().map(preparer::prepare).toList();
        List<String> failures = index.saveAll(samples, true);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Sample articles were rejected: " + failures);
        }
        log.info("Loaded {} sample articles into the empty index (clipfile.samples.enabled=false turns this off)",
                samples.size());
    }

    static List<ArticleDraft> load() throws IOException {
        try (InputStream in = SampleArticles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the classpath");
            }
            List<ArticleDraft> articles = new ArrayList<>();
            JsonMapper mapper = JsonMapper.shared();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.isBlank()) {
                    articles.add(mapper.readValue(line, ArticleInput.class).toDraft());
                }
            }
            return articles;
        }
    }
}
