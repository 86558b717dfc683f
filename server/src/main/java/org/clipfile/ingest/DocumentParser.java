package org.clipfile.ingest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.clipfile.article.ArticleDraft;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses one raw document of any supported format into an article draft, or says why it cannot: the one format
 * switch, for imports and posts alike ({@link IngestService}).
 */
@Component
public class DocumentParser {
    private final PlainTextArticleParser text;
    private final HtmlExtractor html;
    private final Validator validator;

    public DocumentParser(PlainTextArticleParser text, HtmlExtractor html, Validator validator) {
        this.text = text;
        this.html = html;
        this.validator = validator;
    }

    public ArticleDraft parse(RawDocument document) {
        ArticleDraft draft = switch (document.format()) {
            case TEXT -> text.parse(document.text() != null ? document.text() : TextDecoder.decode(document.bytes()));
            case JSON -> json(document.bytes());
            case REUTERS_SGML -> ReutersSgmlReader.parse(new String(document.bytes(), StandardCharsets.UTF_8));
            case HTML -> html.extract(document.bytes(), document.sourceUrl());
        };
        return withSectionHint(draft, document.sectionHint());
    }

    /** One JSON article with explicit fields, validated like {@code POST /api/articles}. */
    public ArticleDraft json(byte[] bytes) {
        ArticleInput input;
        try {
            input = JsonMapper.shared().readValue(bytes, ArticleInput.class);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InvalidArticleException("Malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (input == null) {
            throw new InvalidArticleException("The JSON document is empty");
        }
        Set<ConstraintViolation<ArticleInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new InvalidArticleException(violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        return draft(input);
    }

    /** A JSON article already read and validated (by the HTTP layer, or by {@link #json}). */
    public ArticleDraft draft(ArticleInput input) {
        return input.toDraft();
    }

    private static ArticleDraft withSectionHint(ArticleDraft draft, String hint) {
        if (hint == null || hint.isBlank() || draft.section() != null) {
            return draft;
        }
        String section = hint.strip().toLowerCase(Locale.ROOT);
        List<String> tags = new ArrayList<>(draft.tags());
        if (!tags.contains(section)) {
            tags.add(section);
        }
        return new ArticleDraft(draft.title(), draft.body(), draft.published(), draft.source(), draft.url(), section,
                tags, draft.byline(), draft.language());
    }
}
