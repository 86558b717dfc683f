package org.clipfile.ingest.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clipfile.ingest.WebUrls;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Title, byline, date, site, URL, language, section and tags from JSON-LD, meta tags and marked-up elements. */
final class MetadataExtractor {
    private static final List<String> DATE_META = List.of("article:published_time", "og:published_time",
            "og:article:published_time", "article.published", "published_time", "published-date", "datepublished",
            "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.issued",
            "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date", "sailthru.date",
            "parsely-pub-date", "citation_publication_date", "citation_date", "originalpublicationdate",
            "article_date_original", "cxenseparse:recs:publishtime", "rnews:datepublished", "displaydate", "pdate",
            "ptime", "datecreated");
    private static final List<String> TITLE_META = List.of("dc:title", "dc.title", "dcterms.title", "og:title",
            "dcterm:title", "twitter:title", "parsely-title", "sailthru.title");
    private static final List<String> AUTHOR_META = List.of("dc:creator", "dcterms:creator", "author", "article:author", "byl", "dc.creator",
            "dcterms.creator", "sailthru.author", "parsely-author", "citation_author", "og:article:author");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+(?:[|\\-–—»·:/\\\\]|::|//)\\s+");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?:written\\s+)?(?:by|von|par|por|di|door)[:\\s]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|[-_.]|$)");
    private static final List<String> DATE_HINTS = List.of("date", "time", "publish", "posted");
    private static final List<String> AUTHOR_HINTS = List.of("byline", "author", "writer", "contributor");
    private static final int MAX_BYLINE_CHARS = 100;
    private static final int MAX_BYLINE_WORDS = 8;
    private static final Pattern DATE_IN_BYLINE = Pattern.compile("\\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
            + "|dec)[a-z]*\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\\d{4}-\\d{2}-\\d{2}"
            + "|\\d{1,2}/\\d{1,2}/\\d{2,4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_NAME = Pattern.compile("\\b(?:updated|published|posted|modified)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final int MAX_HINTED = 50;

    private final Document document;
    private final Map<String, List<String>> meta = new HashMap<>();
    private final @Nullable JsonNode jsonLd;
    // Gathered in one pass over the page: attribute-regex selectors would each walk the whole tree again.
    private final List<Element> metaElements = new ArrayList<>();
    private final List<Element> h1s = new ArrayList<>();
    private final List<Element> authorElements = new ArrayList<>();
    private final List<Element> dateElements = new ArrayList<>();
    private final List<Element> datelineElements = new ArrayList<>();
    private final List<Element> canonicalLinks = new ArrayList<>();

    MetadataExtractor(Document document) {
        this.document = document;
        for (Element element : document.getAllElements()) {
            collect(element);
        }
        for (Element element : metaElements) {
            String keys = firstNonBlank(element.attr("property"), element.attr("name"), element.attr("itemprop"),
                    element.attr("http-equiv"));
            String content = element.attr("content").strip();
            if (keys == null || content.isEmpty()) {
                continue;
            }
            // RDFa allows several properties in one attribute: property="dc:title og:title".
            for (String key : keys.strip().split("\\s+")) {
                meta.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(content);
            }
        }
        this.jsonLd = JsonLd.article(document);
    }

    private void collect(Element element) {
        String tag = element.normalName();
        switch (tag) {
            case "meta" -> {
                if (element.hasAttr("content")) {
                    metaElements.add(element);
                }
                return;
            }
            case "h1" -> h1s.add(element);
            case "link" -> {
                if (element.attr("rel").equalsIgnoreCase("canonical") && element.hasAttr("href")) {
                    canonicalLinks.add(element);
                }
                return;
            }
            case "time" -> {
                if (element.hasAttr("datetime") || element.hasAttr("pubdate")) {
                    dateElements.add(element);
                }
            }
            default -> { }
        }
        String itemprop = element.attr("itemprop");
        if (itemprop.equalsIgnoreCase("datePublished")) {
            dateElements.add(element);
        } else if (itemprop.equalsIgnoreCase("author") || element.attr("rel").equalsIgnoreCase("author")) {
            authorElements.add(element);
            return;
        }
        if (authorElements.size() >= MAX_HINTED && datelineElements.size() >= MAX_HINTED
                || !element.hasAttr("class") && !element.hasAttr("id")) {
            return;
        }
        String hint = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
        if (authorElements.size() < MAX_HINTED && containsAny(hint, AUTHOR_HINTS)) {
            authorElements.add(element);
        } else if (datelineElements.size() < MAX_HINTED && containsAny(hint, DATE_HINTS)) {
            datelineElements.add(element);
        }
    }

    PageMetadata extract(@Nullable String sourceUrl) {
        String siteName = siteName();
        String canonical = canonicalUrl(sourceUrl);
        return new PageMetadata(title(siteName), byline(), published(canonical, sourceUrl), siteName, canonical,
                language(), section(), tags());
    }

    private @Nullable String meta(String key) {
        List<String> values = meta.get(key);
        return values == null ? null : values.getFirst();
    }

    private @Nullable String ld(String field) {
        return jsonLd == null ? null : clean(JsonLd.string(jsonLd.get(field)));
    }

    @Nullable String siteName() {
        String name = clean(meta("og:site_name"));
        if (name == null && jsonLd != null) {
            name = clean(JsonLd.string(jsonLd.get("publisher")));
        }
        return name;
    }

    // ---- title

    private @Nullable String title(@Nullable String siteName) {
        List<String> h1s = new ArrayList<>();
        for (Element h1 : this.h1s) {
            String text = clean(h1.text());
            if (text != null && text.length() <= 300) {
                h1s.add(text);
            }
            if (h1s.size() == 5) {
                break;
            }
        }
        String titleTag = clean(document.title());
        List<String> declared = new ArrayList<>();
        addIfPresent(declared, ld("headline"));
        for (String key : TITLE_META) {
            addIfPresent(declared, clean(meta(key)));
        }
        // The <title> and the visible headline agreeing on one headline outvote a declared title that says
        // something else (a social-media variant, or the site's own name on every page).
        String visible = titleTag == null ? null : headlineIn(titleTag, h1s);
        if (!declared.isEmpty() && (visible == null || sameText(declared.getFirst(), visible))) {
            // The publisher's declared headline, in the order JSON-LD, Dublin Core, Open Graph, Twitter.
            String headline = declared.getFirst();
            String inH1 = headlineIn(headline, h1s);
            return inH1 != null ? inH1 : stripSiteName(headline, siteName);
        }
        if (visible != null) {
            return visible;
        }
        if (titleTag != null) {
            return stripSiteName(titleTag, siteName);
        }
        return h1s.isEmpty() ? null : h1s.getFirst();
    }

    /** The candidate itself, or its first parts before a separator, when an h1 says the same. */
    private static @Nullable String headlineIn(String candidate, List<String> h1s) {
        for (String h1 : h1s) {
            if (sameText(candidate, h1)) {
                return candidate;
            }
        }
        // The page's h1 is often the title without the site suffix.
        List<String> parts = List.of(TITLE_SEPARATOR.split(candidate));
        for (int kept = 1; kept < parts.size(); kept++) {
            String prefix = joinedPrefix(candidate, kept);
            for (String h1 : h1s) {
                if (sameText(prefix, h1)) {
                    return prefix;
                }
            }
        }
        return null;
    }

    /** Drops " | Site Name" or "Site Name - " around a headline; keeps separators that are part of the headline. */
    static String stripSiteName(String title, @Nullable String siteName) {
        List<String> parts = new ArrayList<>(List.of(TITLE_SEPARATOR.split(title)));
        if (parts.size() < 2) {
            return title;
        }
        if (siteName != null) {
            String site = normalizeForComparison(siteName);
            if (normalizeForComparison(parts.getLast()).equals(site)) {
                return joinedPrefix(title, parts.size() - 1);
            }
            if (normalizeForComparison(parts.getFirst()).equals(site)) {
                return title.substring(title.indexOf(parts.get(1), parts.getFirst().length())).strip();
            }
        }
        // Without a known site name, a short last part after a longer headline is a site or section name.
        String last = parts.getLast();
        String rest = joinedPrefix(title, parts.size() - 1);
        if (wordCount(last) <= 4 && wordCount(rest) >= 3 && wordCount(rest) > wordCount(last)) {
            return rest;
        }
        return title;
    }

    private static String joinedPrefix(String title, int keptParts) {
        Matcher matcher = TITLE_SEPARATOR.matcher(title);
        int end = title.length();
        int seen = 0;
        while (matcher.find()) {
            seen++;
            if (seen == keptParts) {
                end = matcher.start();
                break;
            }
        }
        return title.substring(0, end).strip();
    }

    static boolean sameText(String a, String b) {
        return normalizeForComparison(a).equals(normalizeForComparison(b));
    }

    private static String normalizeForComparison(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\p{Pi}\\p{Pf}‘’“”]", "").replaceAll("\\s+", " ").strip();
    }

    private static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    // ---- byline

    private @Nullable String byline() {
        if (jsonLd != null) {
            List<String> authors = new ArrayList<>();
            JsonNode author = jsonLd.get("author");
            if (author == null) {
                author = jsonLd.get("creator");
            }
            for (String name : JsonLd.strings(author)) {
                String cleaned = cleanByline(name);
                if (cleaned != null && !authors.contains(cleaned)) {
                    authors.add(cleaned);
                }
            }
            if (!authors.isEmpty()) {
                return String.join(", ", authors);
            }
        }
        for (String key : AUTHOR_META) {
            String value = cleanByline(meta(key));
            if (value != null) {
                return value;
            }
        }
        for (Element element : authorElements) {
            Element named = element.selectFirst("[itemprop=name]");
            String text = named != null ? named.text() : element.text();
            if (element.tagName().equals("meta")) {
                text = element.attr("content");
            }
            String value = cleanByline(withoutDate(text));
            // A byline on the page names people; longer text is a menu or a teaser that merely has an author class.
            if (value != null && wordCount(value) <= MAX_BYLINE_WORDS && !NOT_A_NAME.matcher(value).find()
                    && (element.hasAttr("itemprop") || element.hasAttr("rel")
                    || containsAny((element.className() + " " + element.id()).toLowerCase(Locale.ROOT),
                            AUTHOR_HINTS))) {
                return value;
            }
        }
        return null;
    }

    /** "Ana Lopes May 20, 2019" -> "Ana Lopes": bylines on the page often run into the dateline. */
    private static String withoutDate(String text) {
        Matcher date = DATE_IN_BYLINE.matcher(text);
        return date.find() && date.start() > 0 ? text.substring(0, date.start()).replaceAll("[\\s,|·•-]+$", "") : text;
    }

    private static @Nullable String cleanByline(@Nullable String raw) {
        String value = clean(raw);
        if (value == null || looksLikeUrl(value)) {
            return null;
        }
        value = BY_PREFIX.matcher(value).replaceFirst("").strip();
        if (value.isEmpty() || value.length() > MAX_BYLINE_CHARS || !value.chars().anyMatch(Character::isLetter)) {
            return null;
        }
        return value;
    }

    // ---- date

    private @Nullable Instant published(@Nullable String canonical, @Nullable String sourceUrl) {
        Instant date = PublishedDates.parse(ld("datePublished"));
        if (date != null) {
            return date;
        }
        for (String key : DATE_META) {
            date = PublishedDates.parse(meta(key));
            if (date != null) {
                return date;
            }
        }
        for (Element element : dateElements) {
            date = PublishedDates.parse(firstNonBlank(element.attr("content"), element.attr("datetime"),
                    element.text()));
            if (date != null) {
                return date;
            }
        }
        date = PublishedDates.parse(ld("dateCreated"));
        if (date != null) {
            return date;
        }
        date = visibleDateline();
        if (date != null) {
            return date;
        }
        for (String url : new String[] {canonical, sourceUrl}) {
            if (url != null) {
                Matcher matcher = URL_DATE.matcher(url);
                if (matcher.find()) {
                    date = PublishedDates.parse(matcher.group(1) + "-" + matcher.group(2) + "-" + matcher.group(3));
                    if (date != null) {
                        return date;
                    }
                }
            }
        }
        return null;
    }

    private @Nullable Instant visibleDateline() {
        for (Element element : datelineElements) {
            String text = element.text();
            if (text.isEmpty() || text.length() > 120) {
                continue;
            }
            Instant date = PublishedDates.find(text);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    // ---- URL, language, section, tags

    private @Nullable String canonicalUrl(@Nullable String sourceUrl) {
        for (Element link : canonicalLinks) {
            String url = absolute(link, "href");
            if (url != null) {
                return url;
            }
        }
        for (Element og : metaElements) {
            if (!og.attr("property").equals("og:url")) {
                continue;
            }
            String url = absolute(og, "content");
            if (url != null) {
                return url;
            }
        }
        return WebUrls.httpOrNull(clean(sourceUrl));
    }

    private static @Nullable String absolute(Element element, String attribute) {
        String value = element.attr(attribute).strip();
        if (value.isEmpty()) {
            return null;
        }
        String resolved = element.absUrl(attribute);
        return WebUrls.httpOrNull(resolved.isEmpty() ? value : resolved);
    }

    private @Nullable String language() {
        String lang = clean(document.selectFirst("html") == null ? null : document.selectFirst("html").attr("lang"));
        if (lang == null) {
            lang = clean(meta("content-language"));
        }
        if (lang == null) {
            lang = ld("inLanguage");
        }
        if (lang == null) {
            lang = clean(meta("og:locale"));
        }
        if (lang == null) {
            return null;
        }
        String tag = lang.split("[,;\\s]")[0].replace('_', '-');
        return tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? tag : null;
    }

    private @Nullable String section() {
        String section = clean(meta("article:section"));
        return section != null ? section : ld("articleSection");
    }

    private List<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : meta.getOrDefault("article:tag", List.of())) {
            addTags(tags, tag, false);
        }
        if (jsonLd != null) {
            for (String keyword : JsonLd.strings(jsonLd.get("keywords"))) {
                addTags(tags, keyword, true);
            }
        }
        if (tags.isEmpty()) {
            for (String keywords : meta.getOrDefault("news_keywords", List.of())) {
                addTags(tags, keywords, true);
            }
        }
        return List.copyOf(tags);
    }

    private static void addTags(Set<String> tags, String value, boolean commaSeparated) {
        String[] parts = commaSeparated ? value.split("[,;]") : new String[] {value};
        for (String part : parts) {
            String tag = clean(part);
            if (tag != null && tag.length() <= 100 && tags.size() < 50) {
                tags.add(tag);
            }
        }
    }

    // ---- helpers

    private static boolean containsAny(String text, List<String> parts) {
        for (String part : parts) {
            if (text.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeUrl(String value) {
        return value.startsWith("http://") || value.startsWith("https://") || value.startsWith("www.")
                || value.startsWith("/");
    }

    static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("[\\s\\u00A0]+", " ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static void addIfPresent(List<String> list, @Nullable String value) {
        if (value != null && !list.contains(value)) {
            list.add(value);
        }
    }

    private static @Nullable String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
