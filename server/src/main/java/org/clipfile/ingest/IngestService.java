package org.clipfile.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clipfile.article.Article;
import org.clipfile.copies.CopyClusters;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.BulkWriter;
import org.clipfile.labels.ArticleLabels;
import org.clipfile.takedown.TakenDownException;
import org.clipfile.takedown.Takedowns;
import org.clipfile.versions.ArticleVersions;
import org.clipfile.versions.VersionNotKeptException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The one way an article comes in, whether posted ({@code POST /api/articles}) or imported: parsed from its format
 * ({@link DocumentParser}, the one format switch), prepared (identity, entities), then checked just before it is
 * written (takedowns, the earlier text kept, copies, the editors' labels carried over) and written to the article
 * index. An import checks and writes whole batches through its bulk writer ({@link #check}); a post checks and
 * writes one article at once ({@link #save}), with the same checks.
 */
@Service
public class IngestService implements BulkWriter.BatchCheck {
    private final DocumentParser parser;
    private final ArticlePreparer preparer;
    private final Takedowns takedowns;
    private final ArticleVersions versions;
    private final CopyClusters copies;
    private final ArticleLabels labels;
    private final ArticleIndex index;

    public IngestService(DocumentParser parser, ArticlePreparer preparer, Takedowns takedowns,
            ArticleVersions versions, CopyClusters copies, ArticleLabels labels, ArticleIndex index) {
        this.parser = parser;
        this.preparer = preparer;
        this.takedowns = takedowns;
        this.versions = versions;
        this.copies = copies;
        this.labels = labels;
        this.index = index;
    }

    /** One document of any format, parsed and prepared; {@link InvalidArticleException} when it is no article. */
    public Article prepare(RawDocument document) {
        return preparer.prepare(parser.parse(document));
    }

    /** A JSON article the HTTP layer already read and validated ({@code @Valid}), prepared. */
    public Article prepare(ArticleInput input) {
        return preparer.prepare(parser.draft(input));
    }

    /** A prepared article as written, and whether it was new or replaced the article with the same id. */
    public record Saved(Article article, boolean created) {}

    /**
     * Checks one prepared article as an import checks its batch, then writes it, visible to search on return.
     *
     * @throws TakenDownException the article is on the takedown list
     * @throws VersionNotKeptException the text it replaces could not be kept: nothing was replaced
     */
    public Saved save(Article prepared) throws IOException {
        Decision decision = decide(List.of(prepared)).getFirst();
        if (decision.takenDown() != null) {
            throw new TakenDownException(decision.takenDown().detail(), decision.takenDown().takedown());
        }
        if (decision.versionNotKept() != null) {
            throw new VersionNotKeptException(decision.versionNotKept());
        }
        Article article = decision.article();
        // Written whatever the stored copy became since it was read: as a post always was.
        return new Saved(article, index.save(article));
    }

    /**
     * What an import does with each batch before writing it: refuses taken-down articles, keeps the earlier text of
     * those that replace one (an article whose earlier text cannot be kept is refused, not written over it), then
     * finds their copies, and carries over the editors' labels of those stored already; an article stored already is
     * written only if it is still at the version read here.
     */
    @Override
    public List<BulkWriter.Checked> check(List<Article> batch) throws IOException {
        List<BulkWriter.Checked> results = new ArrayList<>(batch.size());
        for (Decision decision : decide(batch)) {
            if (decision.takenDown() != null) {
                results.add(new BulkWriter.Checked(null, decision.takenDown().detail()));
            } else if (decision.versionNotKept() != null) {
                results.add(new BulkWriter.Checked(null, decision.versionNotKept()));
            } else {
                ArticleLabels.Seen seen = decision.seen();
                // Written only if the stored article is still the one read (an editor's label added meanwhile
                // makes the writer check the article again).
                results.add(new BulkWriter.Checked(decision.article(), null,
                        seen == null ? null : new BulkWriter.Expected(seen.seqNo(), seen.primaryTerm())));
            }
        }
        return results;
    }

    /**
     * For each article of a batch, in order: the article to write (its cluster and carried labels set, and the
     * version its stored copy was read at), or why it is refused.
     */
    private record Decision(@Nullable Article article, Takedowns.@Nullable Refusal takenDown,
            @Nullable String versionNotKept, ArticleLabels.@Nullable Seen seen) {}

    private List<Decision> decide(List<Article> batch) throws IOException {
        Map<String, Takedowns.Refusal> refused = takedowns.refusals(batch);
        List<Article> notTakenDown = batch.stream().filter(a -> !refused.containsKey(a.id())).toList();
        Map<String, String> notKept = versions.keepEarlier(notTakenDown);
        List<Article> accepted = notTakenDown.stream().filter(a -> !notKept.containsKey(a.id())).toList();
        ArticleLabels.Carried carried = labels.carryAndSee(copies.assign(accepted));
        List<Article> clustered = carried.articles();
        List<Decision> decisions = new ArrayList<>(batch.size());
        int next = 0;
        for (Article article : batch) {
            Takedowns.Refusal refusal = refused.get(article.id());
            String versionLost = notKept.get(article.id());
            if (refusal != null) {
                decisions.add(new Decision(null, refusal, null, null));
            } else if (versionLost != null) {
                decisions.add(new Decision(null, null, versionLost, null));
            } else {
                Article checked = clustered.get(next++);
                decisions.add(new Decision(checked, null, null, carried.seen().get(checked.id())));
            }
        }
        return decisions;
    }
}
