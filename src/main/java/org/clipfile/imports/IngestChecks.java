package org.clipfile.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clipfile.article.Article;
import org.clipfile.copies.CopyClusters;
import org.clipfile.labels.ArticleLabels;
import org.clipfile.takedown.Takedowns;
import org.clipfile.versions.ArticleVersions;
import org.springframework.stereotype.Component;

/**
 * What an import does with each batch before writing it: refuses taken-down articles, keeps the earlier text of
 * those that replace one (an article whose earlier text cannot be kept is refused, not written over it), then finds
 * their copies, and carries over the editors' labels of those stored already; an article stored already is written
 * only if it is still at the version read here.
 */
@Component
class IngestChecks implements BulkWriter.BatchCheck {
    private final Takedowns takedowns;
    private final CopyClusters copies;
    private final ArticleVersions versions;
    private final ArticleLabels labels;

    IngestChecks(Takedowns takedowns, CopyClusters copies, ArticleVersions versions, ArticleLabels labels) {
        this.takedowns = takedowns;
        this.copies = copies;
        this.versions = versions;
        this.labels = labels;
    }

    @Override
    public List<BulkWriter.Checked> check(List<Article> batch) throws IOException {
        Map<String, Takedowns.Refusal> refused = takedowns.refusals(batch);
        List<Article> notTakenDown = batch.stream().filter(a -> !refused.containsKey(a.id())).toList();
        Map<String, String> notKept = versions.keepEarlier(notTakenDown);
        List<Article> accepted = notTakenDown.stream().filter(a -> !notKept.containsKey(a.id())).toList();
        ArticleLabels.Carried carried = labels.carryAndSee(copies.assign(accepted));
        List<Article> clustered = carried.articles();
        List<BulkWriter.Checked> results = new ArrayList<>(batch.size());
        int next = 0;
        for (Article article : batch) {
            Takedowns.Refusal refusal = refused.get(article.id());
            String versionLost = notKept.get(article.id());
            if (refusal != null) {
                results.add(new BulkWriter.Checked(null, refusal.detail()));
            } else if (versionLost != null) {
                results.add(new BulkWriter.Checked(null, versionLost));
            } else {
                Article checked = clustered.get(next++);
                ArticleLabels.Seen seen = carried.seen().get(checked.id());
                // Written only if the stored article is still the one read (an editor's label added meanwhile
                // makes the writer check the article again).
                results.add(new BulkWriter.Checked(checked, null,
                        seen == null ? null : new BulkWriter.Expected(seen.seqNo(), seen.primaryTerm())));
            }
        }
        return results;
    }
}
