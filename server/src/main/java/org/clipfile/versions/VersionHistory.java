package org.clipfile.versions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clipfile.article.Article;
import org.clipfile.copies.WordDiff;
import org.clipfile.index.ArticleIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** An article's earlier texts, each compared word by word with the text that replaced it. */
@Service
public class VersionHistory {
    private final ArticleIndex index;
    private final ArticleVersions versions;

    public VersionHistory(ArticleIndex index, ArticleVersions versions) {
        this.index = index;
        this.versions = versions;
    }

    /**
     * One earlier text.
     *
     * @param sequence its number, 1 for the first text; a gap means versions dropped beyond the bound
     * @param titleChanged whether the next text has another title
     * @param nextTitle the title of the text that replaced it
     * @param difference from this body to the body that replaced it (the next version kept, or the current text)
     */
    public record Version(int sequence, String title, String body, @Nullable Instant published,
            @JsonProperty("ingested_at") @Nullable Instant ingestedAt, @JsonProperty("superseded_at") Instant supersededAt,
            @JsonProperty("title_changed") boolean titleChanged, @JsonProperty("next_title") String nextTitle,
            WordDiff.Result difference) {}

    /**
     * @param updates how many times the text changed (the current text is number {@code updates + 1})
     * @param dropped earlier versions no longer kept (beyond {@code clipfile.versions.max-per-article})
     * @param versions the earlier texts kept, newest first
     */
    public record History(String id, String title, @Nullable Instant published,
            @JsonProperty("ingested_at") Instant ingestedAt, int updates, int dropped, List<Version> versions) {}

    public Optional<History> history(String id) throws IOException {
        Optional<Article> found = index.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article current = found.get();
        List<ArticleVersion> kept = versions.of(current.id());
        List<Version> listed = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            ArticleVersion version = kept.get(i);
            String nextTitle = i + 1 < kept.size() ? kept.get(i + 1).title() : current.title();
            String nextBody = i + 1 < kept.size() ? kept.get(i + 1).body() : current.body();
            listed.add(new Version(version.sequence(), version.title(), version.body(), version.published(),
                    version.ingestedAt(), version.supersededAt(), !version.title().strip().equals(nextTitle.strip()),
                    nextTitle, WordDiff.of(version.body(), nextBody)));
        }
        int updates = kept.isEmpty() ? 0 : kept.getLast().sequence();
        List<Version> newestFirst = new ArrayList<>(listed.reversed());
        return Optional.of(new History(current.id(), current.title(), current.published(), current.ingestedAt(),
                updates, updates - kept.size(), newestFirst));
    }
}
