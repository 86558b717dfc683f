package org.clipfile.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clipfile.collections.CollectionService;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.clipfile.search.Csv;
import org.clipfile.search.SearchParameters;
import org.clipfile.security.AuditContext;
import org.clipfile.security.Callers;
import org.clipfile.security.Role;
import org.clipfile.problem.ApiProblem;
import org.clipfile.web.SearchQueryStrings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/batch-searches}: check a list of names against the archive. {@code POST} a JSON
 * {@code {"names": [...], "query": "<optional filters as a search query string>"}}, a CSV (first column; as the
 * body with {@code Content-Type: text/csv}, or as the multipart part {@code file}, with {@code ?query=}); the batch
 * runs in the background ({@code 202}); {@code GET} its progress and results, or all of them as CSV.
 */
@RestController
class BatchSearchController implements IndexReadyListener {
    private final BatchStore store;
    private final BatchRunner runner;
    private final BatchProperties properties;
    private final CollectionService collections;

    BatchSearchController(BatchStore store, BatchRunner runner, BatchProperties properties,
            CollectionService collections) {
        this.store = store;
        this.runner = runner;
        this.properties = properties;
        this.collections = collections;
    }

    @Override
    public void indexReady(ArticleIndex index) throws IOException {
        store.ensureExists();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchPage(BatchJob batch, int page, int size, List<BatchResult> results) {}

    private record Caller(String user, boolean admin) {}

    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return new Caller(Callers.name(authentication),
                authentication != null && Role.of(authentication).orElse(null) == Role.admin);
    }

    @PostMapping("/api/batch-searches")
    ResponseEntity<BatchJob> create(HttpServletRequest request, @RequestParam(required = false) @Nullable String query,
            AuditContext audit) throws IOException {
        if (request.getContentLengthLong() > properties.maxUploadBytes()) {
            throw ApiProblem.of(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "batch-too-large",
                    "Batch too large", "A batch upload may have at most " + properties.maxUploadBytes() + " bytes");
        }
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        List<String> names;
        String filters = query;
        if (request instanceof MultipartHttpServletRequest multipart) {
            MultipartFile file = multipart.getFile("file");
            if (file == null) {
                throw ApiProblem.badRequest("Send the CSV as the multipart part 'file'");
            }
            try (InputStream in = file.getInputStream()) {
                names = csv(in);
            }
        } else if (contentType.startsWith("text/csv") || contentType.startsWith("text/plain")) {
            names = csv(request.getInputStream());
        } else if (contentType.startsWith("application/json")) {
            JsonNode body;
            try {
                body = JsonMapper.shared().readTree(limited(request.getInputStream()));
            } catch (tools.jackson.core.JacksonException e) {
                throw ApiProblem.badRequest("The request body is not valid JSON");
            }
            if (body == null || !body.isObject() || !body.has("names") || !body.get("names").isArray()) {
                throw ApiProblem.badRequest("Send {\"names\": [\"...\"], \"query\": \"optional filters\"}");
            }
            List<String> raw = new ArrayList<>();
            for (JsonNode name : body.get("names")) {
                if (!name.isString()) {
                    throw ApiProblem.badRequest("names must be a list of strings");
                }
                raw.add(name.asString());
            }
            names = NameLists.checked(raw, properties.maxNames(), properties.maxNameChars());
            if (body.has("query") && body.get("query").isString()) {
                filters = body.get("query").asString();
            }
        } else {
            throw ApiProblem.of(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Send JSON, text/csv or a multipart upload with the part 'file'");
        }
        if (names.isEmpty()) {
            throw ApiProblem.badRequest("The batch has no names");
        }
        Caller caller = caller();
        String queryString = filters == null ? "" : filters.strip().replaceFirst("^\\?", "");
        SearchParameters parameters = parameters(queryString, caller);
        org.clipfile.search.SearchRequestFactory.filteredQuery(parameters); // a syntax error in q: 400 now
        BatchJob job = new BatchJob(UUID.randomUUID().toString(), caller.user(), BatchJob.Status.queued, queryString,
                names.size(), 0, 0, Instant.now(), null, null, null, runner.instance(), Instant.now());
        store.save(job, true);
        for (int from = 0; from < names.size(); from += 1000) {
            List<BatchResult> pending = new ArrayList<>();
            for (int i = from; i < Math.min(names.size(), from + 1000); i++) {
                pending.add(BatchResult.pending(job.id(), i, names.get(i)));
            }
            store.saveResults(pending, false);
        }
        store.refreshResults();
        runner.start(job, parameters);
        audit.target(job.id());
        audit.count(names.size());
        return ResponseEntity.accepted().location(URI.create("/api/batch-searches/" + job.id())).body(job);
    }

    @GetMapping("/api/batch-searches")
    List<BatchJob> list() throws IOException {
        Caller caller = caller();
        return store.list(caller.admin() ? null : caller.user(), 100);
    }

    @GetMapping("/api/batch-searches/{id}")
    BatchPage get(@PathVariable String id, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int size) throws IOException {
        if (page < 1 || size < 1 || size > 1000 || (long) page * size > properties.maxNames()) {
            throw ApiProblem.badRequest("page must be 1 or more and size 1 to 1000, within the batch's names");
        }
        BatchJob job = visible(id);
        List<BatchResult> results = store.after(id, (page - 1) * size - 1, size, false);
        return new BatchPage(job, page, size, results);
    }

    @GetMapping("/api/batch-searches/{id}.csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable String id) throws IOException {
        BatchJob job = visible(id);
        StreamingResponseBody body = out -> writeCsv(job, out);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"batch-search-" + job.id() + ".csv\"")
                .body(body);
    }

    private void writeCsv(BatchJob job, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(Csv.row(List.of("# batch " + job.id(), "status " + job.status(), "query " + job.query())));
        writer.write(Csv.row(List.of("name", "count", "entities", "entity_names", "top_article_ids",
                "top_article_titles", "error")));
        int after = -1;
        while (true) {
            List<BatchResult> page = store.after(job.id(), after, 1000, false);
            if (page.isEmpty()) {
                break;
            }
            for (BatchResult r : page) {
                writer.write(Csv.row(List.of(r.name(), r.done() ? Long.toString(r.count()) : "",
                        r.entities().stream().map(BatchResult.Entity::id).collect(Collectors.joining("; ")),
                        r.entities().stream().map(e -> e.name() == null ? "" : e.name())
                                .collect(Collectors.joining("; ")),
                        r.topArticles().stream().map(BatchResult.TopArticle::id).collect(Collectors.joining("; ")),
                        r.topArticles().stream().map(a -> a.title() == null ? "" : a.title())
                                .collect(Collectors.joining("; ")),
                        r.error() == null ? "" : r.error())));
            }
            after = page.getLast().position();
            writer.flush();
        }
        writer.flush();
    }

    private BatchJob visible(String id) throws IOException {
        Caller caller = caller();
        return store.find(id).filter(j -> j.owner().equals(caller.user()) || caller.admin())
                .orElseThrow(() -> ApiProblem.notFound("No batch search " + id + " of yours"));
    }

    private SearchParameters parameters(String queryString, Caller caller) {
        return SearchQueryStrings.parse(queryString, collection -> {
            try {
                return collections.articleIds(collection, caller.user(), caller.admin());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private List<String> csv(InputStream in) throws IOException {
        return NameLists.firstColumn(new BufferedReader(new InputStreamReader(limited(in), StandardCharsets.UTF_8)),
                properties.maxNames(), properties.maxNameChars());
    }

    /** Stops reading past the upload limit, whatever the declared length said. */
    private InputStream limited(InputStream in) {
        long max = properties.maxUploadBytes();
        return new java.io.FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > max) {
                    throw ApiProblem.of(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "batch-too-large",
                            "Batch too large", "A batch upload may have at most " + max + " bytes");
                }
            }
        };
    }
}
