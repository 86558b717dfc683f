package org.clipfile.localnode;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
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
                resolveHome(home, jarFolder()), dataDir.resolve("elasticsearch"), httpPort, heap, runAsUser,
                startupTimeout,
                ProcessHandle.current().pid(), security);
    }

    /**
     * A relative home that does not exist from the working directory is looked up beside the packaged jar, so
     * {@code java -jar /opt/clipfile/target/clipfile.jar} finds {@code /opt/clipfile/target/elasticsearch/...} from
     * any folder: the default names {@code target/...}, and the jar itself lives in {@code target/}.
     */
    static Path resolveHome(Path home, @Nullable Path jarFolder) {
        if (home.isAbsolute() || Files.isDirectory(home) || jarFolder == null) {
            return home;
        }
        for (Path base = jarFolder; base != null; base = base.getParent()) {
            Path candidate = base.resolve(home);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return home;
    }

    private static @Nullable Path jarFolder() {
        try {
            var source = LocalNodeProperties.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            String location = source.getLocation().toString();
            // Inside a Spring Boot jar the location is "jar:nested:/path/clipfile.jar/!BOOT-INF/classes/!/".
            int jar = location.indexOf(".jar");
            if (jar < 0) {
                return null;
            }
            String path = location.substring(0, jar + 4).replaceFirst("^(jar:)?(nested:)?(file:)?", "");
            return Path.of(path).toAbsolutePath().getParent();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
