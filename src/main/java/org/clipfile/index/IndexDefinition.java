package org.clipfile.index;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An index definition (settings + mappings) read from a JSON file under {@code mappings/}. Its version, from
 * {@code mappings._meta.version}, names the concrete index behind the alias.
 */
public record IndexDefinition(String json, int version) {

    public static IndexDefinition articles() {
        return fromClasspath("mappings/articles.json");
    }

    public static IndexDefinition fromClasspath(String resource) {
        try (InputStream in = IndexDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode version = JsonMapper.shared().readTree(json).at("/mappings/_meta/version");
            if (!version.canConvertToInt()) {
                throw new IllegalStateException(resource + " has no integer mappings._meta.version");
            }
            return new IndexDefinition(json, version.intValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String indexName(String alias) {
        return alias + "-v" + version;
    }
}
