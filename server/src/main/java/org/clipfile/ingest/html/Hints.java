package org.clipfile.ingest.html;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's class, id and role say about it. Each class (and the id) is one token; a token is boilerplate
 * when one of its words is, and only tokens that are not boilerplate can vouch for content, so "article-tags" counts
 * as tags while "article-body share-enabled" stays content.
 */
final class Hints {
    private static final Set<String> BOILERPLATE_WORDS = Set.of("ad", "ads", "adv", "advert", "adverts",
            "advertisement", "advertising", "banner", "breadcrumb", "breadcrumbs", "byline", "bylines", "comment",
            "comments", "community", "consent", "cookie", "cookies", "credit", "credits", "dateline", "disqus",
            "footer", "foot", "gdpr", "header", "masthead", "menu", "meta", "modal", "nav", "navbar", "navigation",
            "newsletter", "outbrain", "pagination", "pager", "popular", "popup", "promo", "promotion", "recommended",
            "related", "rss", "share", "sharing", "shares", "sidebar", "signup", "skip", "social", "sponsor",
            "sponsored", "subscribe", "subscription", "tags", "tag", "taboola", "toolbar", "tools", "trending",
            "widget", "widgets", "login", "overlay", "cta", "author", "authors", "caption", "figcaption", "follow",
            "print", "email", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "jump", "teaser",
            "teasers", "recirc", "next", "prev", "previous", "paywall", "donate", "donation", "timestamp");
    private static final Pattern BOILERPLATE_PART = Pattern.compile("comment|disqus|share|social|related|recommend"
            + "|newsletter|subscri|cookie|consent|sponsor|advert|breadcrumb|sidebar|widget|footer|masthead|navbar"
            + "|navigation|pagination|outbrain|taboola|popular|trending|signup|toolbar|byline|dateline"
            + "|sr-only|visually-?hidden|screen-reader|offscreen|more-?stories|see-?also");
    private static final Set<String> CONTENT_WORDS = Set.of("article", "body", "content", "entry", "main", "post",
            "story", "text", "hentry", "prose", "blog", "articlebody", "storybody", "postbody", "entrycontent",
            "maincontent", "storytext", "articletext", "posttext", "copy", "richtext");
    private static final Pattern COMMENT = Pattern.compile("comment|disqus|respond|replies");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo",
            "complementary", "search", "menu", "menubar", "dialog", "alertdialog", "tooltip", "toolbar");

    enum Kind { CONTENT, BOILERPLATE, NEUTRAL }

    /** Pages repeat the same few hundred class strings on thousands of elements; one instance serves one page. */
    private final Map<String, Kind> cache = new HashMap<>();

    Kind classify(Element element) {
        String role = element.attr("role");
        if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return Kind.BOILERPLATE;
        }
        String classes = element.className();
        String id = element.id();
        if (classes.isEmpty() && id.isEmpty()) {
            return Kind.NEUTRAL;
        }
        // An id names one element; one that names a comment thread or form outweighs a generic "post" class.
        if (!id.isEmpty() && COMMENT.matcher(id.toLowerCase(Locale.ROOT)).find()
                && cache.computeIfAbsent(id, Hints::classifyTokens) == Kind.BOILERPLATE) {
            return Kind.BOILERPLATE;
        }
        return cache.computeIfAbsent(classes + " " + id, Hints::classifyTokens);
    }

    private static Kind classifyTokens(String classesAndId) {
        boolean content = false;
        boolean boilerplate = false;
        for (String token : classesAndId.split("\\s+")) {
            if (token.isEmpty() || token.length() > 80) {
                continue;
            }
            String lower = CAMEL.matcher(token).replaceAll("-").toLowerCase(Locale.ROOT);
            boolean tokenBoilerplate = BOILERPLATE_PART.matcher(lower).find();
            boolean tokenContent = false;
            for (String word : lower.split("[^a-z0-9]+")) {
                if (BOILERPLATE_WORDS.contains(word)) {
                    tokenBoilerplate = true;
                } else if (CONTENT_WORDS.contains(word) || word.contains("article") || word.contains("content")) {
                    tokenContent = true;
                }
            }
            boilerplate |= tokenBoilerplate;
            content |= tokenContent && !tokenBoilerplate;
        }
        if (content) {
            return Kind.CONTENT;
        }
        return boilerplate ? Kind.BOILERPLATE : Kind.NEUTRAL;
    }

    /** Comment threads can outweigh the article itself, so they are dropped whatever their size. */
    boolean isCommentThread(Element element) {
        String hint = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
        return COMMENT.matcher(hint).find() && classify(element) == Kind.BOILERPLATE;
    }
}
