package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.EntityFacet;
import org.clipfile.enrich.MentionSpans;
import org.junit.jupiter.api.Test;

class SnippetMarkerTests {
    static final MentionSpans KIRBY = new MentionSpans(new Enrichment(
            List.of(new EntityFacet("person:john-kirby", "John Kirby", "person", List.of("kirby"), 2)),
            List.of(new EntityFacet("group:afp", "AFP", "group", List.of(), 1)), List.of()));

    @Test
    void shouldMarkEntitiesByTypeBesideTheQueryMatches() {
        String marked = SnippetMarker.mark("<mark>Raid</mark>: John Kirby told AFP &amp; others", KIRBY::find);

        assertThat(marked).isEqualTo("<mark>Raid</mark>: "
                + "<span class=\"entity person\" data-id=\"person:john-kirby\">John Kirby</span> told "
                + "<span class=\"entity group\" data-id=\"group:afp\">AFP</span> &amp; others");
    }

    @Test
    void shouldNestAMatchInsideAnEntityBySplittingTheEntity() {
        String marked = SnippetMarker.mark("John <mark>Kirby</mark> said", KIRBY::find);

        assertThat(marked).isEqualTo("<span class=\"entity person\" data-id=\"person:john-kirby\">John </span>"
                + "<span class=\"entity person\" data-id=\"person:john-kirby\"><mark>Kirby</mark></span> said");
    }

    @Test
    void shouldKeepHostileTextEscaped() {
        String marked = SnippetMarker.mark("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Kirby</mark>", KIRBY::find);

        assertThat(marked).startsWith("&lt;script&gt;alert(1)&lt;/script&gt; ").doesNotContain("<script>");
    }

    @Test
    void shouldLeaveASnippetWithoutEntitiesAsItWas() {
        String snippet = "A <mark>quiet</mark> day &amp; night";

        assertThat(SnippetMarker.mark(snippet, KIRBY::find)).isEqualTo(snippet);
    }
}
