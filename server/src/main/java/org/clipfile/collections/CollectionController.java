package org.clipfile.collections;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clipfile.security.AuditContext;
import org.clipfile.security.Callers;
import org.clipfile.security.Role;
import org.clipfile.problem.ApiProblem;
import org.jspecify.annotations.Nullable;
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

/** {@code /api/collections}: named sets of articles with notes, and each user's {@code starred} articles. */
@RestController
class CollectionController {
    private final CollectionService collections;
    private final CollectionProperties properties;

    CollectionController(CollectionService collections, CollectionProperties properties) {
        this.collections = collections;
        this.properties = properties;
    }

    record CollectionRequest(@NotBlank @Size(max = 200) String name, @JsonProperty("private") boolean isPrivate) {}

    record NoteRequest(@Nullable String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CollectionView(String id, String name, String owner, @JsonProperty("private") boolean isPrivate,
            String kind, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt, @Nullable Long size) {
        static CollectionView of(Collection c, @Nullable Long size) {
            return new CollectionView(c.id(), c.name(), c.owner(), c.isPrivate(), c.kind(), c.createdAt(),
                    c.updatedAt(), size);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ArticleEntry(String id, @Nullable String title, @Nullable Object published, @Nullable Object source,
            @Nullable String note, @JsonProperty("added_by") String addedBy,
            @JsonProperty("added_at") Instant addedAt, @JsonProperty("updated_by") String updatedBy,
            @JsonProperty("updated_at") Instant updatedAt, boolean missing) {}

    record CollectionPage(CollectionView collection, long total, int page, int size, List<ArticleEntry> articles) {}

    private record Caller(String user, boolean admin) {}

    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return new Caller(Callers.name(authentication),
                authentication != null && Role.of(authentication).orElse(null) == Role.admin);
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "The collection, created", useReturnTypeSchema = true)
    @PostMapping("/api/collections")
    ResponseEntity<CollectionView> create(@Valid @RequestBody CollectionRequest body, AuditContext audit)
            throws IOException {
        if (body.name().strip().equalsIgnoreCase(Collection.STARRED)) {
            throw ApiProblem.badRequest("'starred' is the name of every user's stars; choose another name");
        }
        Collection created = collections.create(body.name().strip(), body.isPrivate(), caller().user());
        audit.target(created.id());
        audit.detail("name " + created.name());
        return ResponseEntity.created(URI.create("/api/collections/" + created.id()))
                .body(CollectionView.of(created, 0L));
    }

    @GetMapping("/api/collections")
    List<CollectionView> list(AuditContext audit) throws IOException {
        Caller caller = caller();
        List<Collection> visible = collections.list(caller.user(), caller.admin());
        Map<String, Long> sizes = collections.sizes(visible);
        audit.count(visible.size());
        return visible.stream().map(c -> CollectionView.of(c, sizes.getOrDefault(c.id(), 0L))).toList();
    }

    @GetMapping("/api/collections/{id}")
    CollectionPage get(@PathVariable String id, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int size, AuditContext audit) throws IOException {
        if (page < 1 || size < 1 || size > 1000 || (long) page * size > properties.maxArticles()) {
            throw ApiProblem.badRequest("page must be 1 or more and size 1 to 1000, within the first "
                    + properties.maxArticles() + " articles");
        }
        Caller caller = caller();
        Collection collection = collections.visible(id, caller.user(), caller.admin(), true);
        CollectionService.Page items = collections.items(collection, (page - 1) * size, size);
        var summaries = collections.summaries(items.items().stream().map(CollectionItem::articleId).toList());
        List<ArticleEntry> entries = items.items().stream().map(item -> {
            Map<String, Object> summary = summaries.get(item.articleId());
            return new ArticleEntry(item.articleId(), summary == null ? null : (String) summary.get("title"),
                    summary == null ? null : summary.get("published"), summary == null ? null : summary.get("source"),
                    item.note(), item.addedBy(), item.addedAt(), item.updatedBy(), item.updatedAt(),
                    summary == null);
        }).toList();
        audit.count(items.total());
        return new CollectionPage(CollectionView.of(collection, items.total()), items.total(), page, size, entries);
    }

    @PutMapping("/api/collections/{id}")
    CollectionView update(@PathVariable String id, @Valid @RequestBody CollectionRequest body) throws IOException {
        Collection collection = owned(id);
        return CollectionView.of(collections.update(collection, body.name().strip(), body.isPrivate()), null);
    }

    @DeleteMapping("/api/collections/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) throws IOException {
        collections.delete(owned(id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/collections/{id}/articles/{articleId}")
    ResponseEntity<Map<String, Object>> put(@PathVariable String id, @PathVariable String articleId,
            @RequestBody(required = false) @Nullable NoteRequest body, AuditContext audit)
            throws IOException {
        String note = body == null ? null : body.note();
        if (note != null && note.length() > properties.maxNoteChars()) {
            throw ApiProblem.badRequest("note has " + note.length() + " characters; the limit is "
                    + properties.maxNoteChars());
        }
        Caller caller = caller();
        Collection collection = collections.visible(id, caller.user(), caller.admin(), true);
        boolean added = collections.put(collection, articleId, note, caller.user());
        audit.target(collection.id() + "/" + articleId);
        Map<String, Object> answer = Map.of("collection", collection.id(), "article", articleId, "note",
                note == null ? "" : note, "added", added);
        return added ? ResponseEntity.status(201).body(answer) : ResponseEntity.ok(answer);
    }

    @DeleteMapping("/api/collections/{id}/articles/{articleId}")
    ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String articleId, AuditContext audit)
            throws IOException {
        Caller caller = caller();
        Collection collection = collections.visible(id, caller.user(), caller.admin(), false);
        audit.target(id + "/" + articleId);
        if (collection == null || !collections.remove(collection, articleId)) {
            throw ApiProblem.notFound("Article " + articleId + " is not in collection " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private Collection owned(String id) throws IOException {
        Caller caller = caller();
        Collection collection = collections.visible(id, caller.user(), caller.admin(), false);
        if (collection == null) {
            throw ApiProblem.notFound("You have no stars yet");
        }
        if (!collection.ownedBy(caller.user(), caller.admin())) {
            throw ApiProblem.forbidden("Only its owner (" + collection.owner() + ") or an admin may change or delete "
                    + "collection " + id + "; anyone who sees it may add and annotate articles");
        }
        return collection;
    }
}
