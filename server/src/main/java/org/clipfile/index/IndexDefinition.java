package org.clipfile.index;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import java.io.IOException;
import java.io.StringReader;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An index definition (settings + mappings) read from a JSON file under {@code mappings/}. Its version, from
 * {@code mappings._meta.version}, names the concrete index behind the alias.
 */
public record IndexDefinition(String json, int version) {
    private static final Logger log = LoggerFactory.getLogger(IndexDefinition.class);


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

    /**
     * An index is usable once its primaries have started, which lags behind its creation on a loaded machine (and
     * cluster health calls a new index with initializing primaries yellow already): wait until it answers.
     */
    private static void awaitPrimaries(ElasticsearchClient client, String index) throws IOException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                client.count(c -> c.index(index));
                return;
            } catch (ElasticsearchException e) {
                if (e.status() != 503 || System.nanoTime() > deadline) {
                    throw e;
                }
            } catch (ResponseException e) {
                // A 503 without a readable error body ("no shard available") arrives from the transport as is.
                if (e.getResponse().getStatusCode() != 503 || System.nanoTime() > deadline) {
                    throw e;
                }
            } catch (co.elastic.clients.transport.TransportException e) {
                // The same through the blocking transport (org.clipfile.estransport): the client's own exception.
                if (e.statusCode() != 503 || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for " + index, e);
            }
        }
    }

    /**
     * An index made from an older version of this definition gets the new mapping put onto it: that works for
     * added fields, which is how these definitions evolve. A change Elasticsearch cannot apply in place is
     * reported; it needs a new index and a re-index.
     */
    private void upgradeMappingInPlace(ElasticsearchClient client, String alias) throws IOException {
        var mappings = client.indices().getMapping(m -> m.index(alias)).mappings();
        for (var entry : mappings.entrySet()) {
            var meta = entry.getValue().mappings().meta();
            int current = meta == null || meta.get("version") == null ? 0 : meta.get("version").to(Integer.class);
            if (current >= version) {
                continue;
            }
            tools.jackson.databind.node.ObjectNode mapping =
                    (tools.jackson.databind.node.ObjectNode) JsonMapper.shared().readTree(json).get("mappings");
            if (current < reindexBelow()) {
                // The documents need fields derived again: the added fields go in now, but the index keeps its old
                // version so that the start-up re-index (Reindexer) rewrites every article into a new index.
                ((tools.jackson.databind.node.ObjectNode) mapping.get("_meta")).put("version", current);
            }
            String mappingJson = mapping.toString();
            try {
                client.indices().putMapping(p -> p.index(entry.getKey()).withJson(new StringReader(mappingJson)));
                if (current < reindexBelow()) {
                    log.info("Added the fields of version {} to {} (version {}); its articles need a re-index into a "
                            + "new index", version, entry.getKey(), current);
                } else {
                    log.info("Upgraded the mapping of {} from version {} to {}", entry.getKey(), current, version);
                }
            } catch (ElasticsearchException e) {
                if (current < reindexBelow()) {
                    // E.g. a field with a new analyzer (version 4's name keys): only the new index will have it.
                    log.info("The fields of version {} cannot be added to {} (version {}) in place ({}); the re-index "
                            + "into {} creates them", version, entry.getKey(), current, e.getMessage(),
                            indexName(alias));
                } else {
                    log.error("The mapping of {} (version {}) cannot be upgraded in place to version {}: {}. "
                            + "Create {} and re-index into it.", entry.getKey(), current, version, e.getMessage(),
                            indexName(alias));
                }
            }
        }
    }

    /**
     * Creates a concrete index from this definition without an alias, for a re-index to fill; false when it exists
     * (another instance is already filling it).
     */
    public boolean createUnaliased(ElasticsearchClient client, String index) throws IOException {
        try {
            client.indices().create(c -> c.index(index).withJson(new StringReader(json)));
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
        awaitPrimaries(client, index);
        return true;
    }

    /**
     * {@code mappings._meta.reindex_below}: an index made from a version below it needs its documents written again
     * (a field derived from what they store was added), not only its mapping extended; 0 when absent.
     */
    int reindexBelow() {
        return JsonMapper.shared().readTree(json).at("/mappings/_meta/reindex_below").asInt(0);
    }

    public String indexName(String alias) {
        return alias + "-v" + version;
    }

    /**
     * Creates {@code <alias>-v<version>} from this definition with the alias on it, unless the alias exists.
     * Safe when several server instances start at once.
     */
    public void ensureExists(ElasticsearchClient client, String alias) throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            upgradeMappingInPlace(client, alias);
            awaitPrimaries(client, alias);
            return;
        }
        String index = indexName(alias);
        try {
            client.indices().create(c -> c
                    .index(index)
                    .withJson(new StringReader(json))
                    .aliases(alias, a -> a.isWriteIndex(true)));
            log.info("Created index {} behind alias {}", index, alias);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                if (String.valueOf(e.error().reason()).contains("[name_key]")) {
                    log.error("Elasticsearch cannot create {}: it lacks Clipfile's name_key filter. Install the "
                            + "plugin target/clipfile-names-plugin.zip on every node (docs/operations.md)", index);
                }
                throw e;
            }
        }
        awaitPrimaries(client, index);
    }
}
