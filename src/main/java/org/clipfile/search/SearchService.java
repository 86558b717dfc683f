package org.clipfile.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clipfile.index.ArticleIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/** Runs searches against the article alias. */
@Service
public class SearchService {
    private final ElasticsearchClient client;
    private final ArticleIndex index;

    public SearchService(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    public SearchResult search(SearchParameters parameters) throws IOException {
        SearchResponse<HitSource> response =
                client.search(SearchRequestFactory.search(index.alias(), parameters), HitSource.class);
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        List<SearchHit> hits = response.hits().hits().stream().map(SearchService::toHit).toList();
        return new SearchResult(total, parameters.page(), parameters.size(), hits);
    }

    private static SearchHit toHit(Hit<HitSource> hit) {
        HitSource article = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        String title = first(highlight.get("title"), HtmlUtils.htmlEscape(article.title()));
        String snippet = first(highlight.get("body"), "");
        return new SearchHit(article.id(), title, snippet, article.published(), article.source(),
                article.section(), article.tags() == null ? List.of() : article.tags(), article.url(), hit.score() == null ? 0 : hit.score());
    }

    /** The stored fields a result shows; the body reaches the client only as a highlighted snippet. */
    record HitSource(
            String id,
            String title,
            @Nullable Instant published,
            @Nullable String source,
            @Nullable String section,
            @Nullable List<String> tags,
            @Nullable String url) {}

    private static String first(List<String> fragments, String fallback) {
        return fragments == null || fragments.isEmpty() ? fallback : fragments.getFirst();
    }
}
