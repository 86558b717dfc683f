package org.clipfile.saved;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clipfile.index.ArticleIndex;
import org.clipfile.search.SearchParameters;
import org.clipfile.search.SearchRequestFactory;
import org.clipfile.security.AuditContext;
import org.clipfile.security.Callers;
import org.clipfile.security.Role;
import org.clipfile.problem.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/saved-searches}: a user's saved searches (admins see everyone's), their Atom feeds and feed tokens.
 * Opening one's own saved search resets its count of new matches.
 */
@RestController
class SavedSearchController {
    static final int MAX_FEED_ENTRIES = 100;
    private static final int SUMMARY_CHARS = 300;

    private final SavedSearchStore store;
    private final SavedSearchQueries queries;
    private final AlertProperties properties;
    private final ArticleIndex articles;
    private final WebhookSender webhooks;

    SavedSearchController(SavedSearchStore store, SavedSearchQueries queries,
            AlertProperties properties, ArticleIndex articles, WebhookSender webhooks) {
        this.store = store;
        this.queries = queries;
        this.properties = properties;
        this.articles = articles;
        this.webhooks = webhooks;
    }

    record SaveRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 8000) String query,
            @JsonProperty("webhook_url") @Nullable @Size(max = 2000) String webhookUrl,
            @JsonProperty("webhook_secret") @Nullable @Size(min = 16, max = 200) String webhookSecret) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookView(String url, @JsonProperty("last_attempt_at") @Nullable Instant lastAttemptAt,
            @JsonProperty("last_success_at") @Nullable Instant lastSuccessAt,
            @JsonProperty("last_status") @Nullable Integer lastStatus, int failures,
            @JsonProperty("last_error") @Nullable String lastError) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SavedSearchView(String id, String name, String query, String owner,
            @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt,
            String feed, @JsonProperty("feed_token_active") boolean feedTokenActive,
            @JsonProperty("feed_token") @Nullable String feedToken,
            @JsonProperty("feed_subscription") @Nullable String feedSubscription,
            @JsonProperty("new_count") long newCount, @JsonProperty("seen_at") Instant seenAt,
            @JsonProperty("last_match_at") @Nullable Instant lastMatchAt,
            @JsonProperty("last_checked_at") @Nullable Instant lastCheckedAt,
            @Nullable WebhookView webhook,
            @JsonProperty("webhook_secret") @Nullable String webhookSecret) {}

    private record Caller(String user, boolean admin) {}

    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return new Caller(Callers.name(authentication), Callers.isAuthenticated(authentication)
                && Role.of(authentication).orElse(null) == Role.admin);
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "The saved search, created", useReturnTypeSchema = true)
    @PostMapping("/api/saved-searches")
    ResponseEntity<SavedSearchView> create(@Valid @RequestBody SaveRequest body, AuditContext audit)
            throws IOException {
        Caller caller = caller();
        String query = checkedQuery(body.query(), caller);
        if (store.countOwned(caller.user()) >= properties.maxPerOwner()) {
            throw ApiProblem.conflict("too-many-saved-searches", "Too many saved searches", "You keep "
                    + properties.maxPerOwner() + " saved searches already; delete some first");
        }
        SavedSearch.Webhook webhook = webhook(body, null);
        String token = FeedTokens.newToken();
        Instant now = Instant.now();
        SavedSearch saved = new SavedSearch(UUID.randomUUID().toString(), caller.user(), body.name().strip(), query,
                now, now, FeedTokens.hash(token), 0, now, null, null, webhook);
        store.save(saved);
        audit.target(saved.id());
        audit.detail("name " + saved.name());
        return ResponseEntity.created(URI.create("/api/saved-searches/" + saved.id()))
                .body(view(saved, token, webhook == null || body.webhookSecret() != null ? null : webhook.secret()));
    }

    @GetMapping("/api/saved-searches")
    List<SavedSearchView> list(AuditContext audit) throws IOException {
        Caller caller = caller();
        List<SavedSearch> found = store.list(caller.admin() ? null : caller.user(), 1000);
        audit.count(found.size());
        return found.stream().map(s -> view(s, null, null)).toList();
    }

    @GetMapping("/api/saved-searches/{id}")
    SavedSearchView get(@PathVariable String id) throws IOException {
        Caller caller = caller();
        SavedSearch saved = visible(id, caller).search();
        if (saved.owner().equals(caller.user())) {
            // The owner has looked: the count of new matches starts again (the answer still shows it).
            store.resetSeen(id, Instant.now());
        }
        return view(saved, null, null);
    }

    @PutMapping("/api/saved-searches/{id}")
    SavedSearchView update(@PathVariable String id, @Valid @RequestBody SaveRequest body) throws IOException {
        Caller caller = caller();
        SavedSearchStore.Versioned read = visible(id, caller);
        String query = checkedQuery(body.query(), new Caller(read.search().owner(), caller.admin()));
        SavedSearch.Webhook webhook = webhook(body, read.search().webhook());
        SavedSearch changed = read.search().withDefinition(body.name().strip(), query, webhook, Instant.now());
        if (!store.saveIfUnchanged(read, changed)) {
            throw ApiProblem.conflict("edit-conflict", "Changed meanwhile", "The saved search changed while you "
                    + "edited it; read it again and repeat the change");
        }
        boolean newSecret = webhook != null && body.webhookSecret() == null && (read.search().webhook() == null
                || !read.search().webhook().url().equals(webhook.url()));
        return view(changed, null, newSecret ? webhook.secret() : null);
    }

    @DeleteMapping("/api/saved-searches/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) throws IOException {
        visible(id, caller());
        store.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** A new feed token; the previous one stops working. */
    @PostMapping("/api/saved-searches/{id}/feed-token")
    SavedSearchView rotateToken(@PathVariable String id) throws IOException {
        SavedSearchStore.Versioned read = visible(id, caller());
        String token = FeedTokens.newToken();
        SavedSearch changed = read.search().withFeedTokenHash(FeedTokens.hash(token), Instant.now());
        if (!store.saveIfUnchanged(read, changed)) {
            throw ApiProblem.conflict("edit-conflict", "Changed meanwhile", "The saved search changed meanwhile; "
                    + "try again");
        }
        return view(changed, token, null);
    }

    /** Revokes the feed token: the feed then needs an API key or a login. */
    @DeleteMapping("/api/saved-searches/{id}/feed-token")
    ResponseEntity<Void> revokeToken(@PathVariable String id) throws IOException {
        SavedSearchStore.Versioned read = visible(id, caller());
        if (!store.saveIfUnchanged(read, read.search().withFeedTokenHash(null, Instant.now()))) {
            throw ApiProblem.conflict("edit-conflict", "Changed meanwhile", "The saved search changed meanwhile; "
                    + "try again");
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * The Atom feed: articles matching the saved search that were indexed after it was saved, newest first. Open to
     * the owner (or an admin) with any credential, and to anyone holding the feed token.
     */
    @GetMapping("/api/saved-searches/{id}/feed")
    ResponseEntity<byte[]> feed(@PathVariable String id, @RequestParam(required = false) @Nullable String token,
            @RequestParam(defaultValue = "50") int size, AuditContext audit) throws IOException {
        if (size < 1 || size > MAX_FEED_ENTRIES) {
            throw ApiProblem.badRequest("size must be between 1 and " + MAX_FEED_ENTRIES);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        SavedSearch saved = store.find(id).map(SavedSearchStore.Versioned::search).orElse(null);
        boolean byToken = token != null && saved != null && FeedTokens.matches(token, saved.feedTokenHash());
        if (!byToken) {
            if (!Callers.isAuthenticated(authentication)) {
                throw ApiProblem.unauthenticated("This feed needs its feed token (?token=, revocable by its owner), "
                        + "an API key or a login session");
            }
            Caller caller = caller();
            if (saved == null || !(saved.owner().equals(caller.user()) || caller.admin())) {
                throw ApiProblem.notFound("No saved search " + id + " of yours");
            }
        }
        audit.detail(byToken ? "feed token" : "credential");
        SearchParameters parameters = queries.parameters(saved.query(), saved.owner(), false);
        var response = articles.search(s -> s.size(size)
                        .query(SavedSearchQueries.ingestedBetween(parameters, saved.createdAt(), null))
                        .sort(o -> o.field(f -> f.field("ingested_at").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                        .source(src -> src.filter(f -> f.includes(SavedSearchQueries.FEED_FIELDS)))
                        .highlight(h -> h.fields(NamedValue.of("body", HighlightField.of(f -> f.numberOfFragments(1)
                                .fragmentSize(SUMMARY_CHARS).noMatchSize(SUMMARY_CHARS)
                                .highlightQuery(q -> q.matchNone(m -> m)))))),
                FeedArticle.class);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        List<AtomFeed.Entry> entries = new ArrayList<>();
        Instant updated = saved.createdAt();
        for (Hit<FeedArticle> hit : response.hits().hits()) {
            FeedArticle article = hit.source();
            if (article == null) {
                continue;
            }
            Instant ingested = article.ingestedAt() != null ? article.ingestedAt() : saved.createdAt();
            if (ingested.isAfter(updated)) {
                updated = ingested;
            }
            List<String> fragments = hit.highlight().getOrDefault("body", List.of());
            entries.add(new AtomFeed.Entry("urn:clipfile:article:" + hit.id(),
                    article.title() == null ? "" : article.title(), ingested, article.published(),
                    base + "/?article=" + encode(hit.id()), fragments.isEmpty() ? "" : fragments.getFirst(),
                    article.source()));
        }
        audit.count(entries.size());
        byte[] xml = AtomFeed.write("urn:clipfile:saved-search:" + saved.id(), saved.name() + " — Clipfile",
                updated, base + "/api/saved-searches/" + saved.id() + "/feed", base + "/?" + saved.query(), entries);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AtomFeed.MEDIA_TYPE + ";charset=UTF-8"))
                .body(xml);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeedArticle(@Nullable String id, @Nullable String title, @Nullable Instant published,
            @Nullable String source, @Nullable String url,
            @JsonProperty("ingested_at") @Nullable Instant ingestedAt) {}

    /** The stored query string, once it has been read like a search (400 when it cannot be). */
    private String checkedQuery(String query, Caller caller) {
        String trimmed = query.strip();
        if (trimmed.startsWith("?")) {
            trimmed = trimmed.substring(1);
        }
        // Building the query parses q: a syntax error is the caller's 400 now, not a silent failure later.
        SearchRequestFactory.filteredQuery(queries.parameters(trimmed, caller.user(), caller.admin()));
        return trimmed;
    }

    private SavedSearch.@Nullable Webhook webhook(SaveRequest body, SavedSearch.@Nullable Webhook previous) {
        if (body.webhookUrl() == null || body.webhookUrl().isBlank()) {
            return null;
        }
        URI url = webhooks.checkedUrl(body.webhookUrl().strip());
        String secret = body.webhookSecret() != null ? body.webhookSecret()
                : previous != null && previous.url().equals(url.toString()) ? previous.secret()
                : FeedTokens.newSecret();
        if (previous != null && previous.url().equals(url.toString()) && previous.secret().equals(secret)) {
            return previous;
        }
        return SavedSearch.Webhook.of(url.toString(), secret);
    }

    private SavedSearchStore.Versioned visible(String id, Caller caller) throws IOException {
        return store.find(id).filter(s -> s.search().owner().equals(caller.user()) || caller.admin())
                .orElseThrow(() -> ApiProblem.notFound("No saved search " + id + " of yours"));
    }

    private SavedSearchView view(SavedSearch s, @Nullable String token, @Nullable String webhookSecret) {
        String feed = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/saved-searches/{id}/feed")
                .buildAndExpand(s.id()).toUriString();
        SavedSearch.Webhook w = s.webhook();
        WebhookView webhook = w == null ? null : new WebhookView(w.url(), w.lastAttemptAt(), w.lastSuccessAt(),
                w.lastStatus(), w.failures(), w.lastError());
        return new SavedSearchView(s.id(), s.name(), s.query(), s.owner(), s.createdAt(), s.updatedAt(), feed,
                s.feedTokenHash() != null, token, token == null ? null : feed + "?token=" + token, s.newCount(),
                s.seenAt(), s.lastMatchAt(), s.lastCheckedAt(), webhook, webhookSecret);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
