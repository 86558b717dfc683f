package org.clipfile.curation;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.clipfile.catalogue.EntityCatalogueService;
import org.clipfile.enrich.curation.Curation;
import org.clipfile.enrich.curation.CurationEdit;
import org.clipfile.enrich.curation.CurationEdit.Action;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.clipfile.problem.ApiProblem;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndices;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Editors' curation edits, stored in {@code <alias>-curation}: one document per edit, never deleted (an undo marks
 * it undone, with who and when). This instance applies an edit at once; the others reload the edits within
 * {@link #SYNC_EVERY}. New articles get the edits in force ({@link #current()}); indexed articles get them from the
 * re-index, which applies them always.
 */
@Component
public class CurationEdits implements IndexReadyListener {
    private static final Logger log = LoggerFactory.getLogger(CurationEdits.class);
    static final Duration SYNC_EVERY = Duration.ofSeconds(30);
    /** Edits kept in force at most (an archive's curation is hundreds or thousands of edits, not millions). */
    public static final int MOST_EDITS = 10_000;
    /** Edits kept at most, undone ones included (every instance reads them all at each sync). */
    public static final int MOST_STORED = 50_000;
    /** Edits one list answers at most, newest first. */
    public static final int MOST_LISTED = 1_000;
    public static final int LONGEST_NAME = 200;
    private static final int PAGE = 1000;
    /** An entity id as facets give it: {@code person:james-baker}, {@code group:g-7}. */
    private static final Pattern ENTITY_ID = Pattern.compile("(person|group):[\\p{L}\\p{N}][\\p{L}\\p{N}._'&-]{0,199}");
    /** The gazetteer's ids: place:geonames:524901, place:country:RU, place:region:RU.48, place:area:..., ... */
    private static final Pattern PLACE_ID = Pattern.compile("place:[a-z]{1,20}:[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,99}");
    private static final Pattern EDIT_ID = Pattern.compile("ce_[0-9a-f]{32}");

    /** What an editor asks for. */
    public record Request(@Nullable String action, @Nullable String entity, @Nullable String other,
            @Nullable String name, @Nullable String type) {}

    /** A value of the entity catalogue that the archive linked to another, and why. */
    public record Member(String id, String name, String reason, @Nullable String edit) {}

    /** A facet value's curation: what makes it (automatic links and editors' merges) and the edits on it. */
    public record Entity(String id, List<Member> members, List<CurationEdit> edits) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogueDocument(String id, String name, @JsonProperty("linked_to") @Nullable String linkedTo,
            @JsonProperty("link_reason") @Nullable String linkReason, @Nullable List<String> candidates) {}

    /** For reads of the articles and of the entity catalogue; the edits go through their system index. */
    private final ArticleIndex articles;
    private final EntityCatalogueService catalogue;
    private final SystemIndex<CurationEdit> edits;
    private volatile Curation current = Curation.none();
    private volatile List<CurationEdit> all = List.of();

    CurationEdits(ArticleIndex articles, EntityCatalogueService catalogue, SystemIndices indices) {
        this.articles = articles;
        this.catalogue = catalogue;
        this.edits = indices.define("curation", "curation-edits.json", CurationEdit.class);
    }

    /**
     * Loads the edits in the background, so the rest of the server does not wait for it at start-up (an article
     * ingested in the first moments may miss an edit until the next re-index).
     */
    @Override
    public void indexReady(ArticleIndex index) {
        Thread.ofVirtual().name("curation-sync").start(() -> {
            try {
                edits.ensureExists();
                sync();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not load the curation edits from {}: {}; trying again in {}", edits.alias(),
                        e.toString(), SYNC_EVERY);
            }
            syncForever();
        });
    }

    /** The edits in force, to apply to an article's linked entities. */
    public Curation current() {
        return current;
    }

    /** The edits in force as stored now, by whichever instance made them: what a re-index applies. */
    public Curation fresh() throws IOException {
        sync();
        return current;
    }

    /** The edits made or undone after {@code since}: not yet applied by a re-index that started then. */
    public long changedSince(@Nullable Instant since) {
        return all.stream().filter(e -> since == null || e.createdAt().isAfter(since)
                || e.undone() && e.undoneAt() != null && e.undoneAt().isAfter(since)).count();
    }

    /** The newest {@value #MOST_LISTED} edits, newest first; {@code entity} limits them to edits naming that value. */
    public List<CurationEdit> list(@Nullable String entity, boolean withUndone) throws IOException {
        sync();
        return all.stream().filter(e -> withUndone || !e.undone())
                .filter(e -> entity == null || entity.equals(e.entity()) || entity.equals(e.other()))
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).limit(MOST_LISTED).toList();
    }

    /** Makes an edit; refused with a problem (400, 404, 409) when it is invalid, names nothing or conflicts. */
    public synchronized CurationEdit create(Request request, String editor) throws IOException {
        sync();
        Action action = Action.parse(request.action()).orElseThrow(() -> ApiProblem.badRequest(
                "action must be one of merge, split, rename, retype, not_entity"));
        String entity = entityId("entity", request.entity());
        if (entity.startsWith("place:") && action != Action.RENAME && action != Action.NOT_ENTITY) {
            throw ApiProblem.badRequest("A place can be renamed or marked as not a place; merging, splitting and "
                    + "changing the type are for people and groups (places come from the gazetteer)");
        }
        if (all.stream().filter(e -> !e.undone()).count() >= MOST_EDITS || all.size() >= MOST_STORED) {
            throw ApiProblem.conflict("too-many-edits", "Too many curation edits",
                    "At most " + MOST_EDITS + " curation edits in force and " + MOST_STORED
                            + " stored (undone ones included) are kept");
        }
        Curation now = current;
        String other = null;
        String name = null;
        String type = null;
        switch (action) {
            case MERGE -> {
                other = entityId("other", request.other());
                requireDifferent(entity, other);
                if (!typeOf(entity).equals(typeOf(other))) {
                    throw ApiProblem.badRequest("A " + typeOf(other) + " cannot be merged into a " + typeOf(entity)
                            + ": change its type first");
                }
                requireKnown(entity);
                requireKnown(other);
                Optional<CurationEdit> already = active(Action.MERGE, null, other);
                if (already.isPresent()) {
                    throw conflict(other + " is already merged into " + already.get().entity() + " (edit "
                            + already.get().id() + "); undo that edit first");
                }
                Optional<CurationEdit> mergedAway = active(Action.MERGE, null, entity);
                if (mergedAway.isPresent()) {
                    throw conflict(entity + " is itself merged into " + mergedAway.get().entity()
                            + "; merge into that value instead");
                }
                if (now.resolve(entity).equals(other)) {
                    throw conflict("Merging " + other + " into " + entity + " would make a cycle");
                }
                if (now.vetoes().vetoed(entity, other)) {
                    throw conflict(other + " was split from " + entity + "; undo that split first");
                }
            }
            case SPLIT -> {
                other = entityId("other", request.other());
                requireDifferent(entity, other);
                Optional<CurationEdit> merge = active(Action.MERGE, entity, other);
                if (merge.isPresent()) {
                    // Splitting an editor's merge is undoing it.
                    return undo(merge.get().id(), editor);
                }
                if (now.vetoes().vetoed(entity, other)) {
                    throw conflict(other + " is already split from " + entity);
                }
                if (!linkedInCatalogue(other, entity)) {
                    throw ApiProblem.notFound("The archive has no link of " + other + " to " + entity
                            + " to split (see GET /api/curation/entities/" + entity + ")");
                }
            }
            case RENAME -> {
                name = request.name() == null ? "" : request.name().strip();
                if (name.isEmpty() || name.length() > LONGEST_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
                    throw ApiProblem.badRequest("name must be 1 to " + LONGEST_NAME
                            + " characters, without control characters");
                }
                requireKnown(entity);
            }
            case RETYPE -> {
                type = request.type() == null ? "" : request.type().strip();
                if (type.equals("place")) {
                    throw ApiProblem.badRequest("A person or group cannot become a place: places come from the "
                            + "gazetteer. Mark the value as not an entity instead");
                }
                if (!type.equals("person") && !type.equals("group")) {
                    throw ApiProblem.badRequest("type must be person or group");
                }
                if (type.equals(typeOf(entity))) {
                    throw ApiProblem.badRequest(entity + " is already a " + type);
                }
                requireKnown(entity);
                if (active(Action.RETYPE, entity, null).isPresent()) {
                    throw conflict(entity + " is already retyped; undo that edit first");
                }
            }
            case NOT_ENTITY -> {
                requireKnown(entity);
                if (active(Action.NOT_ENTITY, entity, null).isPresent()) {
                    throw conflict(entity + " is already marked as not an entity");
                }
            }
        }
        String entityName = request.entity() == null ? null : nameOf(entity);
        CurationEdit edit = new CurationEdit("ce_" + UUID.randomUUID().toString().replace("-", ""), action.wire(),
                entity, other, entityName, name, type, editor, Instant.now(), false, null, null);
        store(edit);
        return edit;
    }

    /** Undoes an edit (kept, marked undone); 404 for an unknown edit, 409 for one already undone. */
    public synchronized CurationEdit undo(String id, String editor) throws IOException {
        sync();
        if (!EDIT_ID.matcher(id).matches()) {
            throw ApiProblem.notFound("No curation edit " + abbreviated(id));
        }
        CurationEdit edit = all.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("No curation edit " + id));
        if (edit.undone()) {
            throw conflict("Edit " + id + " was already undone by " + edit.undoneBy() + " at " + edit.undoneAt());
        }
        CurationEdit undone = edit.undone(editor, Instant.now());
        store(undone);
        return undone;
    }

    /** A value's members (automatic links and editors' merges) and the edits naming it. */
    public Entity entity(String id) throws IOException {
        String entity = entityId("id", id);
        sync();
        List<Member> members = new ArrayList<>();
        try {
            var found = catalogue.search(s -> s.size(200)
                    .query(q -> q.bool(b -> b.minimumShouldMatch("1")
                            .should(h -> h.term(t -> t.field("linked_to").value(FieldValue.of(entity))))
                            .should(h -> h.term(t -> t.field("candidates").value(FieldValue.of(entity))))))
                    .sort(o -> o.field(f -> f.field("articles").order(SortOrder.Desc))), CatalogueDocument.class);
            for (Hit<CatalogueDocument> hit : found.hits().hits()) {
                CatalogueDocument document = hit.source();
                if (document != null && !document.id().equals(entity)) {
                    // A short form linked to one of several entities by each article's context ("Baker").
                    String reason = entity.equals(document.linkedTo()) && document.linkReason() != null
                            ? document.linkReason()
                            : "linked in some articles by their context (candidates: "
                                    + String.join(", ", document.candidates() == null ? List.of()
                                            : document.candidates()) + ")";
                    members.add(new Member(document.id(), document.name(), reason, null));
                }
            }
        } catch (ElasticsearchException e) {
            if (!"index_not_found_exception".equals(e.error().type())) {
                throw e;
            }
        }
        for (CurationEdit edit : all) {
            if (!edit.undone() && edit.kind() == Action.MERGE && entity.equals(edit.entity())
                    && edit.other() != null) {
                members.add(new Member(edit.other(), edit.other(), "merged by " + edit.editor(), edit.id()));
            }
        }
        return new Entity(entity, members, list(entity, false));
    }

    private static String entityId(String field, @Nullable String id) {
        if (id == null || id.isBlank()) {
            throw ApiProblem.badRequest(field + " is required: a person, group or place id such as person:james-baker");
        }
        String stripped = id.strip();
        if (!ENTITY_ID.matcher(stripped).matches() && !PLACE_ID.matcher(stripped).matches()) {
            throw ApiProblem.badRequest(field + " must be a person, group or place id such as person:james-baker or "
                    + "place:geonames:524901, not '" + abbreviated(stripped) + "'");
        }
        return stripped;
    }

    private static String abbreviated(String text) {
        String printable = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }

    /** The article field (and stored entities' list) of a value's facet. */
    private static String facetField(String id) {
        return id.startsWith("person:") ? "people" : id.startsWith("place:") ? "places" : "groups";
    }

    private static String typeOf(String id) {
        return id.substring(0, id.indexOf(':'));
    }

    private static void requireDifferent(String entity, String other) {
        if (entity.equals(other)) {
            throw ApiProblem.badRequest("entity and other are the same value");
        }
    }

    private static ApiProblem conflict(String detail) {
        return ApiProblem.conflict("curation-conflict", "Conflicting curation edit", detail);
    }

    private Optional<CurationEdit> active(Action action, @Nullable String entity, @Nullable String other) {
        return all.stream().filter(e -> !e.undone() && e.kind() == action)
                .filter(e -> entity == null || entity.equals(e.entity()))
                .filter(e -> other == null || other.equals(e.other())).findFirst();
    }

    /** A value is known when articles facet on it, the catalogue has it, or an edit made it. */
    private void requireKnown(String id) throws IOException {
        String field = facetField(id);
        long count = articles.count(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(id)))));
        if (count > 0 || inCatalogue(id) || all.stream().anyMatch(e -> !e.undone() && id.equals(e.entity()))) {
            return;
        }
        throw ApiProblem.notFound("No articles name " + id);
    }

    private boolean inCatalogue(String id) throws IOException {
        return catalogueDocument(id).isPresent();
    }

    private Optional<CatalogueDocument> catalogueDocument(String id) throws IOException {
        try {
            var found = catalogue.get(id, CatalogueDocument.class);
            return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether the archive's catalogue linked {@code member} to {@code entity}, everywhere or by context. */
    private boolean linkedInCatalogue(String member, String entity) throws IOException {
        Optional<CatalogueDocument> document = catalogueDocument(member);
        return document.isPresent() && (entity.equals(document.get().linkedTo())
                || document.get().candidates() != null && document.get().candidates().contains(entity));
    }

    /** The name a value is shown under: the catalogue's, else the one an edit gave, else none. */
    private @Nullable String nameOf(String id) throws IOException {
        String edited = current.name(id);
        if (edited != null) {
            return edited;
        }
        Optional<String> catalogued = catalogueDocument(id).map(CatalogueDocument::name);
        return catalogued.isPresent() ? catalogued.get() : nameInArticles(id);
    }

    /**
     * The name articles give a value as their own (not where another value was linked or merged into it), for a
     * value the catalogue does not know yet (before the first re-index): a merge into it then names the merged
     * articles' entity by it, not by the merged value's name.
     */
    private @Nullable String nameInArticles(String id) throws IOException {
        String field = facetField(id);
        var response = articles.search(s -> s.size(10)
                .source(src -> src.filter(f -> f.includes("entities")))
                .query(q -> q.term(t -> t.field(field).value(id))), tools.jackson.databind.JsonNode.class);
        String first = null;
        for (Hit<tools.jackson.databind.JsonNode> hit : response.hits().hits()) {
            tools.jackson.databind.JsonNode entities = hit.source() == null ? null : hit.source().get("entities");
            if (entities == null) {
                continue;
            }
            for (tools.jackson.databind.JsonNode entity : entities.path(field)) {
                if (!id.equals(entity.path("id").asString())) {
                    continue;
                }
                boolean own = entity.path("linked").isEmpty();
                for (tools.jackson.databind.JsonNode link : entity.path("linked")) {
                    own |= id.equals(link.path("fromId").asString());
                }
                if (own) {
                    return entity.path("name").asString();
                }
                if (first == null) {
                    first = entity.path("name").asString();
                }
            }
        }
        return first;
    }

    private void store(CurationEdit edit) throws IOException {
        edits.ensureExistsOnce();
        edits.index(edit.id(), edit, Refresh.WaitFor);
        List<CurationEdit> updated = new ArrayList<>(all.stream().filter(e -> !e.id().equals(edit.id())).toList());
        updated.add(edit);
        install(updated);
    }

    private void install(List<CurationEdit> installed) {
        all = List.copyOf(installed);
        current = Curation.of(installed);
    }

    /** Reads every edit (made or undone by any instance). */
    synchronized void sync() throws IOException {
        edits.ensureExistsOnce();
        List<CurationEdit> read = new ArrayList<>();
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> position = after;
            var response = edits.search(s -> {
                s.size(PAGE).trackTotalHits(t -> t.enabled(false))
                        .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (!position.isEmpty()) {
                    s.searchAfter(position);
                }
                return s;
            }, CurationEdit.class);
            List<Hit<CurationEdit>> hits = response.hits().hits();
            for (Hit<CurationEdit> hit : hits) {
                CurationEdit edit = hit.source();
                if (edit != null && CurationEdit.Action.parse(edit.action()).isPresent()) {
                    read.add(edit);
                }
            }
            if (hits.size() < PAGE) {
                break;
            }
            after = hits.getLast().sort();
        }
        install(read);
    }

    private void syncForever() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(SYNC_EVERY);
                sync();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.debug("Curation edits not synced this time: {}", e.toString());
            }
        }
    }
}
