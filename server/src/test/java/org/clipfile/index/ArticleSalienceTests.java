package org.clipfile.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.PlaceFacet;
import org.clipfile.testsupport.Articles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The salience of each entity, stored with the article and indexed as nested documents for ranking. */
class ArticleSalienceTests {
    private static final Enrichment ENRICHMENT = new Enrichment(
            List.of(new EntityFacet("person:john-kirby", "John Kirby", "person", List.of("kirby"), 3, 0.8)),
            List.of(new EntityFacet("group:afp", "AFP", "group", List.of(), 1)),
            List.of(new PlaceFacet("place:region:SY.12", "Idlib", "region", "SY", "Syria", "place:region:SY.12",
                    "Idlib", null, null, 35.9, 36.6, "seat", false, List.of("place:country:SY"), List.of("idlib"), 2,
                    0.6)));

    @Test
    void shouldIndexOneNestedEntryPerEntityWithAPlacesAncestors() {
        JsonNode json = JsonMapper.shared().valueToTree(
                ArticleDocument.of(Articles.article("Raid", "Body").withEntities(ENRICHMENT)));

        JsonNode entries = json.get("entity_salience");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).get("type").asString()).isEqualTo("person");
        assertThat(entries.get(0).get("value").asDouble()).isEqualTo(0.8);
        assertThat(entries.get(0).get("names")).extracting(JsonNode::asString).containsExactly("John Kirby", "kirby");
        assertThat(entries.get(2).get("ids")).extracting(JsonNode::asString)
                .containsExactly("place:region:SY.12", "place:country:SY");
        // Stored without a salience (enriched before it existed): estimated from the mentions.
        assertThat(entries.get(1).get("value").asDouble()).isPositive().isLessThan(0.1);
    }

    @Test
    void shouldKeepTheSalienceThroughStorage() {
        Article article = Articles.article("Raid", "Body").withEntities(ENRICHMENT);
        String stored = JsonMapper.shared().writeValueAsString(ArticleDocument.of(article));

        Article read = JsonMapper.shared().readValue(stored, ArticleDocument.class).toArticle();
        assertThat(read.entities().people().getFirst().salience()).isEqualTo(0.8);
        assertThat(read.entities().places().getFirst().salience()).isEqualTo(0.6);
    }
}
