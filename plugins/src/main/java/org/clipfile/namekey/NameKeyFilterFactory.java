package org.clipfile.namekey;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code name_key}: replaces each token, read as a whole name, by its name-key tokens
 * ({@code org.clipfile.enrich.names.NameKeys#keyTokens}). Meant after the {@code keyword} tokenizer, so that the
 * key sees the whole name (articles and Abd compounds span words): "Abd al-Rahman" gives {@code abdrahman}.
 */
@NamedComponent("name_key")
public class NameKeyFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new NameKeyTokenFilter(input);
    }
}
