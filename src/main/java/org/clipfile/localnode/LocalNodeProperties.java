package org.clipfile.localnode;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The local Elasticsearch, used when {@code spring.elasticsearch.uris} is not set.
 *
 * @param enabled whether to start it at all (false: the server expects an external cluster at the default URI)
 * @param home the unpacked distribution; the build puts it under {@code target/elasticsearch/}
 * @param dataDir where its data, logs and configuration live; survives restarts
 * @param httpPort its HTTP port on 127.0.0.1 (0 picks a free one)
 * @param heap its JVM heap, for example {@code 512m}
 * @param runAsUser the account it runs as when the server runs as root (Elasticsearch refuses root)
 * @param startupTimeout how long to wait for the cluster to answer
 * @param security run it with Elasticsearch security on (a generated user and password, kept in
 *     {@code <data-dir>/elasticsearch-credentials.properties}, mode 600)
 */
@Validated
@ConfigurationProperties("clipfile.local-node")
public record LocalNodeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("target/elasticsearch/elasticsearch-9.5.3") Path home,
        @DefaultValue("data") Path dataDir,
        @DefaultValue("9200") @Min(0) @Max(65535) int httpPort,
        @DefaultValue("512m") @NotBlank String heap,
        @DefaultValue("nobody") @NotBlank String runAsUser,
        @DefaultValue("120s") Duration startupTimeout,
        @DefaultValue("true") boolean security) {

    LocalElasticsearch.Settings toSettings() {
        return new LocalElasticsearch.Settings(
                home, dataDir.resolve("elasticsearch"), httpPort, heap, runAsUser, startupTimeout,
                ProcessHandle.current().pid(), security);
    }
}
