package org.clipfile.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.AnalyzeRequest;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.testsupport.RandomInputs;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;

/**
 * Each component of the Clipfile analysis plugin, proved with {@code _analyze} on the real local distribution
 * (which has no analysis-common module of its own).
 */
class AnalysisPluginIntegrationTests {
    private final ElasticsearchClient client = TestElasticsearch.client();

    private List<String> analyze(String requestJson) throws IOException {
        AnalyzeRequest request = AnalyzeRequest.of(a -> a.withJson(new StringReader(requestJson)));
        return client.indices().analyze(request).tokens().stream().map(AnalyzeToken::token).toList();
    }

    @Test
    void asciifoldingShouldRemoveDiacritics() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"], "text": "Ráids à Zürich"}"""))
                .containsExactly("raids", "a", "zurich");
    }

    @Test
    void asciifoldingShouldKeepTheOriginalWhenAsked() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "standard",
                 "filter": [{"type": "asciifolding", "preserve_original": true}], "text": "Ráids"}"""))
                .containsExactlyInAnyOrder("Raids", "Ráids");
    }

    @Test
    void englishStemmerShouldReduceInflections() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "standard", "filter": ["lowercase", {"type": "stemmer", "language": "english"}],
                 "text": "raids killing operations"}"""))
                .containsExactly("raid", "kill", "oper");
    }

    @Test
    void possessiveStemmerShouldDropApostropheS() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "standard", "filter": [{"type": "stemmer", "language": "possessive_english"}],
                 "text": "Assad's troops"}"""))
                .containsExactly("Assad", "troops");
    }

    @Test
    void porterAndKstemShouldStemDifferently() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "standard", "filter": ["lowercase", "porter_stem"], "text": "operations"}"""))
                .containsExactly("oper");
        assertThat(analyze("""
                {"tokenizer": "standard", "filter": ["lowercase", "kstem"], "text": "operations"}"""))
                .containsExactly("operation");
    }

    @Test
    void edgeNgramFilterShouldEmitPrefixes() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "standard",
                 "filter": ["lowercase", {"type": "edge_ngram", "min_gram": 2, "max_gram": 4}], "text": "Idlib"}"""))
                .containsExactly("id", "idl", "idli");
    }

    @Test
    void edgeNgramTokenizerShouldSplitOnTokenChars() throws IOException {
        assertThat(analyze("""
                {"tokenizer": {"type": "edge_ngram", "min_gram": 1, "max_gram": 3, "token_chars": ["letter"]},
                 "text": "al-Sham"}"""))
                .containsExactly("a", "al", "S", "Sh", "Sha");
    }

    @Test
    void synonymGraphShouldExpandAbbreviations() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "standard",
                 "filter": ["lowercase", {"type": "synonym_graph", "synonyms": ["hts, hayat tahrir al sham"]}],
                 "text": "HTS fighters"}"""))
                .contains("hts", "hayat", "tahrir", "al", "sham", "fighters");
    }

    @Test
    void htmlStripShouldLeaveOnlyText() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "standard", "char_filter": ["html_strip"],
                 "text": "<p>Raid in <b>Atme</b> &amp; Idlib</p>"}"""))
                .containsExactly("Raid", "in", "Atme", "Idlib");
    }

    @Test
    void whitespaceTokenizerShouldKeepPunctuation() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "whitespace", "text": "al-Sham, HTS."}"""))
                .containsExactly("al-Sham,", "HTS.");
    }

    @Test
    void keywordTokenizerShouldKeepWholeInput() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "keyword", "filter": ["lowercase"], "text": "Hayat Tahrir al-Sham"}"""))
                .containsExactly("hayat tahrir al-sham");
    }

    @Test
    void urlEmailTokenizerShouldKeepAddressesWhole() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "uax_url_email", "text": "mail desk@example.org or https://example.org/a"}"""))
                .containsExactly("mail", "desk@example.org", "or", "https://example.org/a");
    }

    @Test
    void patternCaptureShouldEmitGroups() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "keyword",
                 "filter": [{"type": "pattern_capture", "preserve_original": true, "patterns": ["(\\\\w+)@(\\\\w+)"]}],
                 "text": "desk@example"}"""))
                .containsExactlyInAnyOrder("desk@example", "desk", "example");
    }

    @Test
    void uniqueShouldDropRepeatedTokens() throws IOException {
        assertThat(analyze("""
                {"tokenizer": "standard", "filter": ["lowercase", "unique"], "text": "Atme atme ATME camp"}"""))
                .containsExactly("atme", "camp");
    }

    @Test
    void englishAnalyzerShouldStemAndDropStopWords() throws IOException {
        assertThat(analyze("""
                {"analyzer": "english", "text": "The raids on the camps"}"""))
                .containsExactly("raid", "camp");
    }

    /** The name_key filter (plugin clipfile-names) on one whole name, as the article mapping's analyzer runs it. */
    private List<String> nameKey(String name) throws IOException {
        return client.indices().analyze(a -> a.tokenizer(t -> t.name("keyword")).filter(f -> f.name("name_key"))
                .text(name)).tokens().stream().map(AnalyzeToken::token).toList();
    }

    @Test
    void nameKeyFilterShouldKeyAWholeNameAsNameKeysDoes() throws IOException {
        assertThat(nameKey("Abd al-Rahman")).containsExactly("abdrahman");
        assertThat(nameKey("Rami Abdel Rahman")).containsExactly("rami", "abdrahman");
        assertThat(nameKey("Mohammed")).isEqualTo(nameKey("Muhammad")).isNotEmpty();
        assertThat(nameKey("al-Qaeda")).isEqualTo(nameKey("al Qaida")).isNotEmpty();
        assertThat(nameKey("Reagan")).isNotEqualTo(nameKey("Regan"));
        assertThat(nameKey("Regan")).isNotEqualTo(nameKey("Ragan"));
        assertThat(nameKey("Kirby")).isNotEqualTo(nameKey("Korby"));
        assertThat(nameKey(" -- ' . ")).isEmpty();
    }

    @Test
    void nameKeyFilterShouldGiveExactlyTheTokensOfNameKeysForAnyInput() {
        // One source file computes both (NameKeys, compiled into the plugin): any difference is a packaging error.
        String alphabet = "abcdeghiklmnoqrstuyz AEIOUBDHKLMRS-'.ʾʿ’áéíóúāīūḥṣṭẓçñøłß";
        RandomInputs.forAll(300, r -> r.chance(0.5) ? r.string(alphabet, 0, 40) : r.anyChars(30), name -> {
            try {
                assertThat(nameKey(name)).as("name_key of %s", name).isEqualTo(NameKeys.keyTokens(name));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void nameKeyFilterShouldEmitOneTokenPerKeyTokenAndDropNamesWithoutKey() throws IOException {
        var tokens = client.indices().analyze(a -> a.tokenizer(t -> t.name("whitespace")).filter(f -> f.name("name_key"))
                .text("... Usama Abdul-Rahman")).tokens();
        assertThat(tokens).extracting(AnalyzeToken::token).containsExactly("usama", "abdrahman");
        assertThat(tokens).extracting(AnalyzeToken::position).containsExactly(1L, 2L);
    }
}
