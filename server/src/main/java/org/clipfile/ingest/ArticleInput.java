package org.clipfile.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.clipfile.article.ArticleDraft;
import org.jspecify.annotations.Nullable;

/** An article sent as JSON with explicit fields. {@code published} is an ISO date or date-time. */
public record ArticleInput(
        @NotBlank(message = "title is required") @Size(max = 1000) String title,
        @NotBlank(message = "body is required") String body,
        @Nullable String published,
        @Nullable @Size(max = 200) String source,
        @Nullable @Size(max = 2048) String url,
        @Nullable @Size(max = 200) String section,
        @Nullable List<@Size(max = 200) String> tags,
        @Nullable @Size(max = 500) String byline,
        @Nullable @Size(max = 35) String language) {

    public ArticleDraft toDraft() {
        return new ArticleDraft(
                TextNormalizer.normalize(title),
                TextNormalizer.normalize(body),
                parsePublished(published),
                blankToNull(source),
                webUrl(url),
                blankToNull(section),
                tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList(),
                blankToNull(byline),
                blankToNull(language));
    }

    static @Nullable Instant parsePublished(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new InvalidArticleException("published must be an ISO date (2024-02-03) or date-time "
                        + "(2024-02-03T10:15:00Z), not '" + text + "'");
            }
        }
    }

    private static @Nullable String webUrl(@Nullable String url) {
        String value = blankToNull(url);
        if (value != null && WebUrls.httpOrNull(value) == null) {
            throw new InvalidArticleException("url must be an absolute http or https URL");
        }
        return value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
