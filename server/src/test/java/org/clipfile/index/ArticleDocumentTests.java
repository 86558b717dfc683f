package org.clipfile.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.util.BinaryData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleDraft;
import org.clipfile.ingest.PlainTextArticleParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored document is the same JSON as the article record wrote before the document was a record of its own: the
 * fixtures under {@code src/test/resources/index/} were written by that code (commit a51b428, the ES client's
 * Jackson 3 mapper), so no mapping changed and no stored article needs a re-index.
 */
class ArticleDocumentTests {
    private static final Path SEED = Path.of("..", "shared", "corpora", "seed", "000_3b0c83eb93a1357c.txt");
    private final Jackson3JsonpMapper mapper = new Jackson3JsonpMapper();

    @Test
    void shouldWriteTheSameDocumentAsTheArticleRecordDidForAnArticleWithEveryKindOfPlace() throws IOException {
        String before = resource("stored-article.json");

        String after = write(read(before));

        assertSameDocument(after, before);
        assertThat(fieldNames(after)).as("the same fields, in the same order").isEqualTo(fieldNames(before));
    }

    @Test
    void shouldWriteTheSameDocumentAsTheArticleRecordDidForTheSeedArticle() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SEED), () -> "The reference article "
                + SEED.toAbsolutePath().normalize() + " is not here (shared data outside the repository): skipped");
        // The fixture holds the stored document without the article's text, which stays outside the repository.
        ArticleDraft draft = new PlainTextArticleParser().parse(Files.readString(SEED, StandardCharsets.UTF_8));
        ObjectNode expected = (ObjectNode) JsonMapper.shared().readTree(resource("seed-stored-without-text.json"));
        ObjectNode before = JsonMapper.shared().createObjectNode();
        before.put("id", expected.get("id").asString());
        before.put("title", draft.title());
        before.put("body", draft.body());
        expected.properties().forEach(field -> before.set(field.getKey(), field.getValue()));

        String after = write(read(JsonMapper.shared().writeValueAsString(before)));

        assertSameDocument(after, JsonMapper.shared().writeValueAsString(before));
        assertThat(JsonMapper.shared().readTree(after).get("people")).extracting(JsonNode::asString)
                .contains("person:john-kirby");
    }

    @Test
    void shouldReadTheArticleBackWithoutItsDerivedFields() throws IOException {
        String before = resource("stored-article.json");

        ArticleDocument document = mapper.objectMapper().readValue(before, ArticleDocument.class);
        Article article = document.toArticle();

        assertThat(document.dup()).as("derived fields are not read").isNull();
        assertThat(document.placePaths()).isNull();
        assertThat(article.labels()).containsExactly("checked", "strike");
        assertThat(article.entities().places()).hasSize(3);
        assertThat(article.cluster()).isEqualTo("d41d8cd98f00b204e9800998");
        assertThat(ArticleDocument.of(article).placePaths()).containsExactly("place:country:NL",
                "place:country:NL/place:region:NL.11", "place:country:NL/place:region:NL.11/place:geonames:2747891",
                "place:country:BE", "place:country:NL/place:region:NL.11/place:unresolved:nl:dock-7");
        assertThat(ArticleDocument.of(article).placePoints()).as("never a guessed position").hasSize(2);
    }

    private Article read(String json) {
        return mapper.objectMapper().readValue(json, ArticleDocument.class).toArticle();
    }

    private String write(Article article) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryData.of(ArticleDocument.of(article), mapper).writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Equal as JSON: objects compared by field (the former Map-valued fields had no fixed key order). */
    private static void assertSameDocument(String actual, String expected) {
        assertThat(JsonMapper.shared().readTree(actual)).isEqualTo(JsonMapper.shared().readTree(expected));
    }

    private static List<String> fieldNames(String json) {
        List<String> names = new ArrayList<>();
        JsonMapper.shared().readTree(json).propertyNames().forEach(names::add);
        return names;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ArticleDocumentTests.class.getResourceAsStream("/index/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
