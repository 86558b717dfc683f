package org.clipfile.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** {@code keyword}: the whole input as one token. */
@NamedComponent("keyword")
public class KeywordTokenizerFactory implements TokenizerFactory {
    @Override
    public Tokenizer create() {
        return new KeywordTokenizer();
    }
}
