package org.clipfile.ingest.html;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clipfile.article.ArticleDraft;
import org.clipfile.ingest.InvalidArticleException;
import org.clipfile.ingest.HtmlExtractor;
import org.clipfile.ingest.JunkLines;
import org.clipfile.ingest.TextNormalizer;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a saved news page into an {@link ArticleDraft}: the main text as paragraphs separated by blank lines, and
 * the title, byline, date, site, canonical URL, language, section and tags the page declares. Thread-safe.
 */
@Component
public class HtmlArticleExtractor implements HtmlExtractor {
    /** Far above real article pages (a few MB at most); keeps one request from holding a core for seconds. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** Real pages nest 20-60 deep; the limit bounds the work per node on pathological input. */
    private static final int MAX_DEPTH = 256;
    private static final int MAX_TITLE_CHARS = 300;

    private final JunkLines junkLines = JunkLines.standard();

    /** Bytes as fetched or saved: the charset comes from a BOM, the page's declaration, or a guess. */
    @Override
    public ArticleDraft extract(byte[] html, @Nullable String sourceUrl) {
        if (html.length == 0) {
            throw new InvalidArticleException("The page is empty");
        }
        if (html.length > MAX_BYTES) {
            throw new InvalidArticleException("The page is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (HtmlCharsets.looksBinary(html)) {
            throw new InvalidArticleException("The page is binary data, not HTML text");
        }
        return extract(HtmlCharsets.decode(html).text(), sourceUrl);
    }

    /** Text already decoded. */
    public ArticleDraft extract(String html, @Nullable String sourceUrl) {
        if (html.isBlank()) {
            throw new InvalidArticleException("The page is empty");
        }
        if (html.length() > MAX_BYTES) {
            throw new InvalidArticleException("The page is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (html.indexOf('\0') >= 0 && html.indexOf('\0') < 8192) {
            throw new InvalidArticleException("The page is binary data, not HTML text");
        }
        if (NestingGuard.estimatedDepth(html, NestingGuard.MAX_ESTIMATED_DEPTH) > NestingGuard.MAX_ESTIMATED_DEPTH) {
            throw new InvalidArticleException("The page nests its elements too deeply (over "
                    + NestingGuard.MAX_ESTIMATED_DEPTH + " levels) to be an article");
        }
        Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
        Document document = parser.parseInput(html, sourceUrl == null ? "" : sourceUrl);
        PageMetadata metadata = new MetadataExtractor(document).extract(sourceUrl);
        ContentExtractor.Content content = new ContentExtractor().extract(document);
        List<String> paragraphs = clean(Paragraphs.of(content.roots(), content.dropped()), metadata);
        if (paragraphs.isEmpty()) {
            throw new InvalidArticleException("The page has no article text");
        }
        String body = String.join("\n\n", paragraphs);
        String title = metadata.title() != null ? TextNormalizer.normalize(metadata.title()) : "";
        if (title.isEmpty()) {
            title = fallbackTitle(paragraphs.getFirst());
        }
        return new ArticleDraft(title, body, metadata.published(), metadata.siteName(), metadata.canonicalUrl(),
                metadata.section(), metadata.tags(), metadata.byline(), metadata.language());
    }

    private List<String> clean(List<String> raw, PageMetadata metadata) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : raw) {
            String normalized = Normalizer.isNormalized(paragraph, Normalizer.Form.NFC)
                    ? paragraph
                    : Normalizer.normalize(paragraph, Normalizer.Form.NFC);
            if (normalized.isEmpty() || junkLines.isJunk(normalized)) {
                continue;
            }
            // The title and byline are metadata; pages repeat them at the top of the text.
            if (paragraphs.size() < 3 && (metadata.title() != null && MetadataExtractor.sameText(normalized,
                    metadata.title()) || isBylineLine(normalized, metadata.byline()))) {
                continue;
            }
            paragraphs.add(normalized);
        }
        return paragraphs;
    }

    private static boolean isBylineLine(String paragraph, @Nullable String byline) {
        if (paragraph.length() > 120) {
            return false;
        }
        String lower = paragraph.toLowerCase(Locale.ROOT);
        return lower.startsWith("by ") && !paragraph.contains(". ")
                || byline != null && MetadataExtractor.sameText(paragraph, byline);
    }

    private static String fallbackTitle(String firstParagraph) {
        String line = firstParagraph.lines().findFirst().orElse(firstParagraph);
        if (line.length() <= MAX_TITLE_CHARS) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_TITLE_CHARS);
        return line.substring(0, cut > 0 ? cut : MAX_TITLE_CHARS) + "…";
    }
}
