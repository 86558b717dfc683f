package org.clipfile.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clipfile.article.Article;
import org.clipfile.copies.CopyClusters;
import org.clipfile.takedown.Takedowns;
import org.springframework.stereotype.Component;

/** What an import does with each batch before writing it: refuses taken-down articles, then finds their copies. */
@Component
class IngestChecks implements BulkWriter.BatchCheck {
    private final Takedowns takedowns;
    private final CopyClusters copies;

    IngestChecks(Takedowns takedowns, CopyClusters copies) {
        this.takedowns = takedowns;
        this.copies = copies;
    }

    @Override
    public List<BulkWriter.Checked> check(List<Article> batch) throws IOException {
        Map<String, Takedowns.Refusal> refused = takedowns.refusals(batch);
        List<Article> accepted = batch.stream().filter(a -> !refused.containsKey(a.id())).toList();
        List<Article> clustered = copies.assign(accepted);
        List<BulkWriter.Checked> results = new ArrayList<>(batch.size());
        int next = 0;
        for (Article article : batch) {
            Takedowns.Refusal refusal = refused.get(article.id());
            results.add(refusal != null ? new BulkWriter.Checked(null, refusal.detail())
                    : new BulkWriter.Checked(clustered.get(next++), null));
        }
        return results;
    }
}
