package org.clipfile.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** {@code whitespace}: splits on whitespace only. */
@NamedComponent("whitespace")
public class WhitespaceTokenizerFactory implements TokenizerFactory {
    @Override
    public Tokenizer create() {
        return new WhitespaceTokenizer();
    }
}
