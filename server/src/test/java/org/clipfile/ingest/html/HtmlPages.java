package org.clipfile.ingest.html;

import java.util.ArrayList;
import java.util.List;

/** Builds small news pages for tests: a head of metadata, site chrome, and an article with paragraphs. */
final class HtmlPages {
    private final List<String> head = new ArrayList<>();
    private final List<String> before = new ArrayList<>();
    private final List<String> article = new ArrayList<>();
    private final List<String> after = new ArrayList<>();
    private String htmlAttributes = "";

    static HtmlPages page() {
        return new HtmlPages();
    }

    /** Three paragraphs of plausible prose, long enough to win the content scoring. */
    static HtmlPages withStory() {
        return page().paragraph(PARAGRAPH_1).paragraph(PARAGRAPH_2).paragraph(PARAGRAPH_3);
    }

    static final String PARAGRAPH_1 = "The harbour authority said on Tuesday that the new breakwater, which took "
            + "three years to build, would protect the fishing fleet from the winter storms that have battered the "
            + "coast since the old wall collapsed.";
    static final String PARAGRAPH_2 = "Fishermen, who had waited a decade for the project, welcomed the news, "
            + "although several said the delays had already cost them boats, nets and, in one case, a livelihood.";
    static final String PARAGRAPH_3 = "The council expects the first ships to moor behind the wall in March, "
            + "once engineers have inspected the foundations, tested the lights and signed off the final works.";

    HtmlPages head(String html) {
        head.add(html);
        return this;
    }

    HtmlPages htmlAttributes(String attributes) {
        this.htmlAttributes = " " + attributes;
        return this;
    }

    HtmlPages before(String html) {
        before.add(html);
        return this;
    }

    HtmlPages paragraph(String text) {
        article.add("<p>" + text + "</p>");
        return this;
    }

    HtmlPages inArticle(String html) {
        article.add(html);
        return this;
    }

    HtmlPages after(String html) {
        after.add(html);
        return this;
    }

    String html() {
        return "<!DOCTYPE html><html" + htmlAttributes + "><head><meta charset=\"utf-8\">" + String.join("", head)
                + "</head><body>" + String.join("\n", before) + "<div class=\"main\"><article>"
                + String.join("\n", article) + "</article></div>" + String.join("\n", after) + "</body></html>";
    }
}
