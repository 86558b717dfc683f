package org.clipfile.namekey;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;
import org.clipfile.enrich.names.NameKeys;

/**
 * Emits the key tokens of each incoming token, one position each, with the offsets of the token they come from
 * (a name is keyed as a whole: the key tokens do not map onto its words one to one). A token without key
 * (punctuation only) is dropped, its position increment carried over to the next token emitted.
 */
final class NameKeyTokenFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private Iterator<String> pending = List.<String>of().iterator();
    private AttributeSource.State source;

    NameKeyTokenFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        int skipped = 0;
        while (!pending.hasNext()) {
            if (!input.incrementToken()) {
                return false;
            }
            List<String> keys = NameKeys.keyTokens(term.toString());
            if (keys.isEmpty()) {
                skipped += position.getPositionIncrement();
                continue;
            }
            pending = keys.iterator();
            source = captureState();
            term.setEmpty().append(pending.next());
            position.setPositionIncrement(position.getPositionIncrement() + skipped);
            return true;
        }
        restoreState(source);
        term.setEmpty().append(pending.next());
        position.setPositionIncrement(1);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = List.<String>of().iterator();
        source = null;
    }
}
