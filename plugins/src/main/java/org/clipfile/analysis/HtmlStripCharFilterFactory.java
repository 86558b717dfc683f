package org.clipfile.analysis;

import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** {@code html_strip}: removes markup and decodes entities; {@code escaped_tags} are kept. */
@NamedComponent("html_strip")
public class HtmlStripCharFilterFactory implements CharFilterFactory {
    private final Set<String> escapedTags;

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "escaped_tags")
        List<String> escapedTags();
    }

    @Inject
    public HtmlStripCharFilterFactory(Settings settings) {
        this.escapedTags = Set.copyOf(new HashSet<>(settings.escapedTags()));
    }

    @Override
    public Reader create(Reader reader) {
        return new HTMLStripCharFilter(reader, escapedTags.isEmpty() ? null : escapedTags);
    }
}
