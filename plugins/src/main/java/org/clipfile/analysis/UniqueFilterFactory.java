package org.clipfile.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

/** {@code unique}: drops repeated tokens, in the whole stream or ({@code only_on_same_position}) per position. */
@NamedComponent("unique")
public class UniqueFilterFactory implements TokenFilterFactory {
    private final boolean onlyOnSamePosition;

    @AnalysisSettings
    public interface Settings {
        @BooleanSetting(path = "only_on_same_position", defaultValue = false)
        boolean onlyOnSamePosition();
    }

    @Inject
    public UniqueFilterFactory(Settings settings) {
        this.onlyOnSamePosition = settings.onlyOnSamePosition();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return onlyOnSamePosition ? new RemoveDuplicatesTokenFilter(input) : new UniqueTokenFilter(input);
    }
}
