package org.clipfile.analysis;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/** {@code stemmer}: the stemmer named by {@code language}, with the same meaning as Elasticsearch's names. */
@NamedComponent("stemmer")
public class StemmerFilterFactory implements TokenFilterFactory {
    private final UnaryOperator<TokenStream> stemmer;

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "language", defaultValue = "english")
        String language();
    }

    @Inject
    public StemmerFilterFactory(Settings settings) {
        this.stemmer = stemmerFor(settings.language());
    }

    static UnaryOperator<TokenStream> stemmerFor(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "english", "porter" -> PorterStemFilter::new;
            case "light_english", "kstem" -> KStemFilter::new;
            case "minimal_english" -> EnglishMinimalStemFilter::new;
            case "possessive_english" -> EnglishPossessiveFilter::new;
            case "porter2" -> input -> new SnowballFilter(input, "English");
            case "arabic" -> ArabicStemFilter::new;
            case "light_french" -> FrenchLightStemFilter::new;
            case "light_german" -> GermanLightStemFilter::new;
            case "light_spanish" -> SpanishLightStemFilter::new;
            case "french" -> input -> new SnowballFilter(input, "French");
            case "german" -> input -> new SnowballFilter(input, "German");
            case "spanish" -> input -> new SnowballFilter(input, "Spanish");
            case "italian" -> input -> new SnowballFilter(input, "Italian");
            case "portuguese" -> input -> new SnowballFilter(input, "Portuguese");
            case "dutch" -> input -> new SnowballFilter(input, "Dutch");
            case "russian" -> input -> new SnowballFilter(input, "Russian");
            default -> throw new IllegalArgumentException("stemmer language [" + language + "] is not supported");
        };
    }

    @Override
    public TokenStream create(TokenStream input) {
        return stemmer.apply(input);
    }
}
