package org.clipfile.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code synonym_graph} with inline {@code synonyms} in Solr format. The stable plugin API does not hand a filter
 * the analysis chain that precedes it, so rules are parsed with a whitespace tokenizer, lowercasing and ASCII
 * folding: write rules for chains that lowercase and fold before this filter.
 */
@NamedComponent("synonym_graph")
public class SynonymGraphFilterFactory implements TokenFilterFactory {
    private final SynonymMap synonyms;
    private final boolean ignoreCase;

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "synonyms")
        List<String> synonyms();

        @BooleanSetting(path = "expand", defaultValue = true)
        boolean expand();

        @BooleanSetting(path = "lenient", defaultValue = false)
        boolean lenient();

        @BooleanSetting(path = "ignore_case", defaultValue = false)
        boolean ignoreCase();
    }

    @Inject
    public SynonymGraphFilterFactory(Settings settings) {
        this.ignoreCase = settings.ignoreCase();
        this.synonyms = parse(settings.synonyms(), settings.expand(), settings.lenient());
    }

    private static SynonymMap parse(List<String> rules, boolean expand, boolean lenient) {
        Analyzer ruleAnalyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new WhitespaceTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }
        };
        try (ruleAnalyzer) {
            SolrSynonymParser parser = new SolrSynonymParser(true, expand, ruleAnalyzer);
            StringBuilder text = new StringBuilder();
            for (String rule : rules) {
                if (lenient) {
                    try {
                        SolrSynonymParser probe = new SolrSynonymParser(true, expand, ruleAnalyzer);
                        probe.parse(new StringReader(rule));
                    } catch (ParseException | IllegalArgumentException e) {
                        continue;
                    }
                }
                text.append(rule).append('\n');
            }
            parser.parse(new StringReader(text.toString()));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid synonym rule: " + e.getMessage(), e);
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        return synonyms.fst == null ? input : new SynonymGraphFilter(input, synonyms, ignoreCase);
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return AnalysisMode.SEARCH_TIME;
    }
}
