package org.clipfile.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.entity.Enrichment;
import org.clipfile.enrich.MentionSpans;
import org.clipfile.enrich.MentionSpans.Span;
import org.clipfile.index.ArticleIndex;
import org.clipfile.ingest.ArticleInput;
import org.clipfile.ingest.IngestService;
import org.clipfile.ingest.RawDocument;
import org.clipfile.search.Exploration;
import org.clipfile.search.ExploreService;
import org.clipfile.security.AuditContext;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One article at a time: as JSON with explicit fields, or as plain text in the scraped layout. */
@RestController
@RequestMapping("/api/articles")
class ArticleController {
    private final ArticleIndex index;
    private final IngestService ingest;
    private final IngestLimits limits;
    private final ExploreService explore;

    ArticleController(ArticleIndex index, IngestService ingest, IngestLimits limits, ExploreService explore) {
        this.explore = explore;
        this.index = index;
        this.ingest = ingest;
        this.limits = limits;
    }

    /** The answer to an ingest: the article's id, and whether it was new (201) or replaced an earlier copy (200). */
    record Ingested(String id, String title, boolean created) {}

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "A new article, written", useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "An article with the same id, replaced", useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Ingested> postJson(@Valid @RequestBody ArticleInput input, AuditContext audit)
            throws IOException {
        limits.check(input.title().length() + input.body().length());
        return save(ingest.prepare(input), audit);
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "A new article, written", useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "An article with the same id, replaced", useReturnTypeSchema = true)
    @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Ingested> postText(@RequestBody String text, AuditContext audit) throws IOException {
        limits.check(text.length());
        return save(ingest.prepare(RawDocument.postedText(text)), audit);
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "A new article, written", useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "An article with the same id, replaced", useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Ingested> postHtml(@RequestBody byte[] page,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String url,
            AuditContext audit) throws IOException {
        limits.check(page.length);
        return save(ingest.prepare(RawDocument.postedPage(page, url)), audit);
    }

    @GetMapping("/{id}")
    ArticleView get(@PathVariable String id) throws IOException {
        return ArticleView.of(find(id));
    }

    private Article find(String id) throws IOException {
        return index.find(id).orElseThrow(() -> new NotFoundException("No article with id " + id));
    }

    /** Where the title and body name the article's people, groups and places (UTF-16 offsets), to mark them. */
    record Annotations(List<Span> title, List<Span> body) {}

    @GetMapping("/{id}/annotations")
    Annotations annotations(@PathVariable String id) throws IOException {
        Article article = find(id);
        MentionSpans spans = new MentionSpans(article.entities() == null ? Enrichment.empty() : article.entities());
        return new Annotations(spans.find(article.title()), spans.find(article.body()));
    }

    /** Articles like this one, by their words and the people, groups and places they share. */
    @GetMapping("/{id}/related")
    Exploration.Related related(@PathVariable String id,
            @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(
                    type = "integer", minimum = "1", maximum = "50", defaultValue = "5"))
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String size)
            throws IOException {
        return explore.related(id, SearchParametersReader.integer(size, "size", 5, 1, 50)).orElseThrow(() -> new NotFoundException("No article with id " + id));
    }

    private ResponseEntity<Ingested> save(Article prepared, AuditContext audit) throws IOException {
        // The audit names the article even when it is refused (taken down, earlier text not kept).
        audit.target(prepared.id());
        IngestService.Saved saved = ingest.save(prepared);
        Article article = saved.article();
        boolean created = saved.created();
        audit.target(article.id());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/articles/" + article.id()))
                .body(new Ingested(article.id(), article.title(), created));
    }
}
