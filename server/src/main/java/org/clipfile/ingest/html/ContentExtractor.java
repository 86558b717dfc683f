package org.clipfile.ingest.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the article body by scoring. Every block of text scores by its length and commas, less what is link text,
 * and hands the score to its parent and (in shrinking shares) its ancestors; the best scored container wins,
 * together with the siblings that look like more of the same article. Boilerplate is set aside before scoring (by
 * tag, role, class and id, unless it holds prose) and again inside the winner (link lists, share boxes).
 */
final class ContentExtractor {
    private static final Set<String> DROPPED_TAGS = Set.of("script", "style", "noscript", "template", "svg",
            "canvas", "iframe", "object", "embed", "video", "audio", "source", "track", "map", "input", "button",
            "select", "textarea", "option", "optgroup", "datalist", "nav", "dialog", "link", "meta", "menu", "head",
            "title", "base");
    /** Page chrome by tag, dropped like boilerplate by class unless it holds the article's prose. */
    private static final Set<String> CHROME_TAGS = Set.of("header", "footer", "aside");
    static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header", "footer", "aside",
            "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tbody", "thead",
            "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "figure", "figcaption", "form", "fieldset",
            "address", "hr", "body", "html", "center", "details", "summary", "hgroup", "menu", "legend", "output",
            "listing", "plaintext", "xmp", "dir", "frameset", "noframes");
    /** Tags that are a paragraph in themselves; their score goes to the container that holds them. */
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "blockquote", "li", "dd", "dt", "h2", "h3",
            "h4", "h5", "h6", "address", "summary", "caption", "figcaption", "legend");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> CLEANED_CONTAINERS = Set.of("div", "section", "ul", "ol", "table", "form",
            "figure", "dl", "center", "details", "fieldset");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？…\"”'’)]\\s*$");
    private static final int MIN_BLOCK_CHARS = 25;
    private static final int LONG_BLOCK_CHARS = 200;
    /** Related-story and newsletter boxes hold teasers, not several long paragraphs of prose. */
    private static final int ARTICLE_LIKE_LONG_BLOCKS = 3;
    private static final int ANCESTOR_LEVELS = 5;

    /** Text length, link-text length and score of one element; filled by one post-order pass. */
    private static final class Stats {
        int text;
        int links;
        int ownText;
        int ownLinks;
        int ownCommas;
        /** Blocks below this element (itself included) that read like article paragraphs. */
        int longBlocks;
        /** An article element (or articleBody) with prose is at or below this element. */
        boolean holdsArticle;
        double score;
        boolean candidate;

        double linkDensity() {
            return text == 0 ? 0 : (double) links / text;
        }
    }

    /** The winning elements, and the elements inside them that are not part of the article. */
    record Content(List<Element> roots, Set<Element> dropped) {}

    private Map<Element, Stats> stats = new IdentityHashMap<>();
    private final Hints hints = new Hints();
    /**
     * Boilerplate is marked rather than removed from the tree: removing many children of one parent costs
     * quadratic time in jsoup (siblings are re-indexed on each removal).
     */
    private final Set<Element> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Elements the page marks as its article body (schema.org articleBody). */
    private final List<Element> articleBodies = new ArrayList<>();

    Content extract(Document document) {
        Element body = document.body();
        markNoise(body);
        measure(body);
        markBoilerplate(body, stats(body).text);
        stats = new IdentityHashMap<>();
        articleBodies.clear();
        measure(body);
        Element top = markedArticleBody(topCandidate(body));
        List<Element> content = withSiblings(top);
        for (Element root : content) {
            cleanInside(root);
        }
        return new Content(content, dropped);
    }

    // ---- preparation

    private void markNoise(Element body) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element && node != body) {
                    if (DROPPED_TAGS.contains(element.normalName()) || isHidden(element)
                            || element.normalName().equals("form") && isSmallForm(element)) {
                        dropped.add(element);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, body);
    }

    private static boolean isHidden(Element element) {
        if (element.hasAttr("hidden") || element.attr("aria-hidden").equals("true")) {
            return !element.normalName().equals("html");
        }
        String style = element.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }

    /** Search and sign-up forms; whole pages wrapped in one form (as ASP.NET pages are) stay. */
    private static boolean isSmallForm(Element form) {
        return form.select("p").size() < 3;
    }

    private void markBoilerplate(Element body, int totalText) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element) || node == body) {
                    return FilterResult.CONTINUE;
                }
                if (dropped.contains(element)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = element.normalName();
                // Quotes stay whatever their class: embedded posts ("twitter-tweet") are quoted sources.
                if (tag.equals("article") || tag.equals("main") || tag.equals("a") || tag.equals("blockquote")) {
                    return FilterResult.CONTINUE;
                }
                if (tag.equals("header") && insideArticle(element)) {
                    // An article's own header holds its standfirst; its title and byline lines go later.
                    return FilterResult.CONTINUE;
                }
                if (!CHROME_TAGS.contains(tag) && hints.classify(element) != Hints.Kind.BOILERPLATE) {
                    return FilterResult.CONTINUE;
                }
                Stats s = stats.get(element);
                int text = s == null ? 0 : s.text;
                // A wrapper marked like boilerplate that holds most of the page's text, or prose, is the article.
                boolean holdsThePage = text * 2 > totalText && totalText > 0;
                boolean holdsProse = s != null && (s.longBlocks >= ARTICLE_LIKE_LONG_BLOCKS || s.holdsArticle);
                if ((holdsThePage || holdsProse) && !hints.isCommentThread(element)) {
                    return FilterResult.CONTINUE;
                }
                // A formula is part of its sentence, whatever its renderer calls its wrapper ("context menu").
                if (!element.getElementsByTag("math").isEmpty()) {
                    return FilterResult.CONTINUE;
                }
                dropped.add(element);
                return FilterResult.SKIP_ENTIRELY;
            }
        }, body);
    }

    // ---- measuring and scoring

    private Stats stats(Element element) {
        return stats.computeIfAbsent(element, e -> new Stats());
    }

    /** One pass: text and link lengths per element (post-order) and per nearest block (own text). */
    private void measure(Element root) {
        Deque<Element> blocks = new ArrayDeque<>();
        int[] linkDepth = {0};
        List<Element> blockOrder = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    if (blocks.isEmpty()) {
                        return FilterResult.CONTINUE;
                    }
                    String text = textNode.getWholeText();
                    int length = visibleLength(text);
                    if (length == 0) {
                        return FilterResult.CONTINUE;
                    }
                    Stats block = stats(blocks.peek());
                    block.ownText += length;
                    block.ownCommas += commas(text);
                    Stats parent = stats((Element) textNode.parentNode());
                    parent.text += length;
                    if (linkDepth[0] > 0) {
                        block.ownLinks += length;
                        parent.links += length;
                    }
                } else if (node instanceof Element element) {
                    if (dropped.contains(element)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (element == root || BLOCK_TAGS.contains(element.normalName())) {
                        blocks.push(element);
                        blockOrder.add(element);
                    }
                    if (element.normalName().equals("a")) {
                        linkDepth[0]++;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (!(node instanceof Element element)) {
                    return FilterResult.CONTINUE;
                }
                if (!blocks.isEmpty() && blocks.peek() == element) {
                    blocks.pop();
                }
                if (element.normalName().equals("a")) {
                    linkDepth[0]--;
                }
                Stats own = stats.get(element);
                Element parent = element.parent();
                if (own != null && own.ownText >= LONG_BLOCK_CHARS && own.ownLinks * 5 < own.ownText) {
                    own.longBlocks++;
                }
                boolean articleBody = element.attr("itemprop").equalsIgnoreCase("articleBody");
                if (own != null && own.text >= LONG_BLOCK_CHARS && own.links * 10 < own.text * 3
                        && (element.normalName().equals("article") || articleBody)) {
                    own.holdsArticle = true;
                }
                if (articleBody) {
                    articleBodies.add(element);
                }
                if (own != null && parent != null && element != root) {
                    Stats up = stats(parent);
                    up.holdsArticle |= own.holdsArticle;
                    up.text += own.text;
                    up.links += own.links;
                    up.longBlocks += own.longBlocks;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        for (Element block : blockOrder) {
            Stats s = stats.get(block);
            if (s == null || s.ownText < MIN_BLOCK_CHARS) {
                continue;
            }
            double ownLinkDensity = (double) s.ownLinks / s.ownText;
            double points = (1 + s.ownCommas + Math.min(3, s.ownText / 100.0)) * (1 - ownLinkDensity);
            boolean paragraph = PARAGRAPH_TAGS.contains(block.normalName());
            Element target = paragraph ? block.parent() : block;
            for (int level = 0; level < ANCESTOR_LEVELS && target != null; level++) {
                Stats t = stats(target);
                if (!t.candidate) {
                    t.candidate = true;
                    t.score += initialScore(target);
                }
                t.score += level == 0 ? points : level == 1 ? points / 2 : points / (level * 3);
                target = target.parent();
            }
        }
    }

    private static int visibleLength(String text) {
        int length = 0;
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!space) {
                    length++;
                    space = true;
                }
            } else {
                length++;
                space = false;
            }
        }
        return length;
    }

    private static int commas(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                count++;
            }
        }
        return count;
    }

    private double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "article" -> 10;
            case "div", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (element.attr("itemprop").equalsIgnoreCase("articleBody")) {
            score += 25;
        }
        return score + switch (hints.classify(element)) {
            case CONTENT -> 25;
            case BOILERPLATE -> -25;
            case NEUTRAL -> 0;
        };
    }

    private double finalScore(Element element) {
        Stats s = stats.get(element);
        return s == null || !s.candidate ? 0 : s.score * (1 - s.linkDensity());
    }

    private Element topCandidate(Element body) {
        List<Element> candidates = new ArrayList<>();
        for (Map.Entry<Element, Stats> entry : stats.entrySet()) {
            if (entry.getValue().candidate) {
                candidates.add(entry.getKey());
            }
        }
        if (candidates.isEmpty()) {
            return body;
        }
        candidates.sort(Comparator.comparingDouble(this::finalScore).reversed());
        Element top = candidates.getFirst();
        double topScore = finalScore(top);
        // When several strong candidates share an ancestor, the article is split across them: take the ancestor.
        List<Element> close = new ArrayList<>();
        for (Element candidate : candidates.subList(1, Math.min(5, candidates.size()))) {
            if (finalScore(candidate) >= topScore * 0.75) {
                close.add(candidate);
            }
        }
        if (close.size() >= 2) {
            for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
                int inside = 0;
                for (Element candidate : close) {
                    if (isAncestor(ancestor, candidate)) {
                        inside++;
                    }
                }
                if (inside >= 2) {
                    top = ancestor;
                    break;
                }
            }
        }
        // An article split into sections leaves each section a candidate and their common ancestor a weaker one;
        // a score that rises again on the way up means the ancestor gathers more of the article than the top.
        double last = finalScore(top);
        double floor = last / 3;
        for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
            Stats s = stats.get(ancestor);
            if (s == null || !s.candidate) {
                continue;
            }
            double score = finalScore(ancestor);
            if (score < floor) {
                break;
            }
            if (score > last) {
                top = ancestor;
                break;
            }
            last = score;
        }
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /**
     * A winner inside the page's one marked article body (schema.org articleBody) that leaves paragraphs of prose
     * of that body outside it (a slideshow or a box inside the story outscored the story) gives way to the body.
     */
    private Element markedArticleBody(Element top) {
        if (articleBodies.size() != 1) {
            return top;
        }
        Element marked = articleBodies.getFirst();
        Stats body = stats.get(marked);
        Stats winner = stats.get(top);
        if (body == null || winner == null || !isAncestor(marked, top) || body.linkDensity() >= 0.3
                || body.longBlocks - winner.longBlocks < ARTICLE_LIKE_LONG_BLOCKS) {
            return top;
        }
        return marked;
    }

    private static boolean insideArticle(Element element) {
        for (Element e = element.parent(); e != null; e = e.parent()) {
            if (e.normalName().equals("article")) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsOnlyParagraphs(Element element) {
        for (Element child : element.children()) {
            String tag = child.normalName();
            if (BLOCK_TAGS.contains(tag) && !tag.equals("p")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAncestor(Element ancestor, Element element) {
        for (Element e = element.parent(); e != null; e = e.parent()) {
            if (e == ancestor) {
                return true;
            }
        }
        return false;
    }

    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null || top.normalName().equals("body")) {
            return List.of(top);
        }
        double topScore = finalScore(top);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> siblings = parent.children();
        boolean[] included = new boolean[siblings.size()];
        for (int i = 0; i < siblings.size(); i++) {
            Element sibling = siblings.get(i);
            if (sibling == top) {
                included[i] = true;
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            if (finalScore(sibling) + bonus >= threshold) {
                included[i] = true;
                continue;
            }
            Stats s = stats.get(sibling);
            if (s == null || s.text == 0 || !PARAGRAPH_TAGS.contains(sibling.normalName()) && !sibling.normalName().equals("div")) {
                continue;
            }
            // A div counts as a paragraph when its text is its own or sits in paragraphs directly below it
            // (pages that wrap each paragraph in a div of its own).
            if (sibling.normalName().equals("div") && s.ownText < s.text && !holdsOnlyParagraphs(sibling)) {
                continue;
            }
            double linkDensity = s.linkDensity();
            if (s.text > 80 && linkDensity < 0.25) {
                included[i] = true;
            } else if (s.text <= 80 && linkDensity == 0 && SENTENCE_END.matcher(sibling.text()).find()) {
                included[i] = true;
            }
        }
        // A heading that introduces an included sibling belongs to the article too.
        for (int i = siblings.size() - 2; i >= 0; i--) {
            if (!included[i] && included[i + 1] && HEADINGS.contains(siblings.get(i).normalName())) {
                included[i] = true;
            }
        }
        List<Element> content = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            if (included[i]) {
                content.add(siblings.get(i));
            }
        }
        return withRepeatedWrappers(parent, content, threshold);
    }

    /**
     * Some pages wrap each section of an article in its own copy of a wrapper ({@code <div class="story-body">}
     * twice); the sections that score like article text join the content, in page order.
     */
    private List<Element> withRepeatedWrappers(Element wrapper, List<Element> content, double threshold) {
        Element outer = wrapper.parent();
        if (outer == null || wrapper.className().isEmpty() || wrapper.normalName().equals("body")) {
            return content;
        }
        List<Element> merged = new ArrayList<>();
        boolean found = false;
        for (Element section : outer.children()) {
            if (section == wrapper) {
                merged.addAll(content);
            } else if (section.className().equals(wrapper.className()) && finalScore(section) >= threshold) {
                merged.add(section);
                found = true;
            }
        }
        return found ? merged : content;
    }

    // ---- cleaning inside the winner

    private void cleanInside(Element root) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == root || !(node instanceof Element element)) {
                    return FilterResult.CONTINUE;
                }
                if (dropped.contains(element) || shouldDrop(element)) {
                    dropped.add(element);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
    }

    private boolean shouldDrop(Element element) {
        String tag = element.normalName();
        if (tag.equals("h1")) {
            // The headline is the draft's title, not a paragraph of its body.
            return true;
        }
        if (!CLEANED_CONTAINERS.contains(tag)) {
            return false;
        }
        Stats s = stats.get(element);
        if (s == null || s.text == 0) {
            return false;
        }
        double linkDensity = s.linkDensity();
        if (tag.equals("ul") || tag.equals("ol")) {
            // Menus and related-story lists are all links; list items in prose carry a link or two in a sentence.
            int items = Math.max(1, element.childrenSize());
            return linkDensity > 0.8 || linkDensity > 0.5 && s.text / items < 80;
        }
        if (hints.classify(element) == Hints.Kind.CONTENT) {
            return linkDensity > 0.8;
        }
        if (linkDensity > 0.5) {
            return true;
        }
        // Short, link-heavy boxes without sentences ("More on this: A, B") are navigation inside the article.
        return linkDensity > 0.25 && s.text < 300 && s.ownCommas < 2;
    }
}
