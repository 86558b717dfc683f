package org.clipfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot run on the build machines (no Docker engine), so its essentials are checked here. */
class DockerComposeTests {
    private static Map<String, Object> compose;
    private static String raw;

    @BeforeAll
    static void load() throws IOException {
        raw = Files.readString(Path.of("docker-compose.yml"));
        compose = new Yaml().load(raw);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    private static String pinnedElasticsearchVersion() throws IOException {
        Matcher m = Pattern.compile("<elasticsearch.version>([^<]+)</elasticsearch.version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).as("pom.xml pins elasticsearch.version").isTrue();
        return m.group(1);
    }

    @Test
    void shouldUseTheOfficialImageOfThePinnedVersion() throws IOException {
        assertThat(service("elasticsearch").get("image"))
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + pinnedElasticsearchVersion());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldInstallTheNameKeyPluginThatTheArticleMappingNeeds() {
        Map<String, Object> es = service("elasticsearch");
        assertThat((List<String>) es.get("volumes")).anyMatch(v -> v.startsWith("./target/clipfile-names-plugin.zip:"));
        assertThat(String.join("\n", (List<String>) es.get("command")))
                .contains("elasticsearch-plugin install --batch file:///usr/share/elasticsearch/clipfile-names-plugin.zip")
                .contains("exec /bin/tini -- /usr/local/bin/docker-entrypoint.sh eswrapper");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunElasticsearchWithSecurityAndAHealthcheckAndANamedVolume() {
        Map<String, Object> es = service("elasticsearch");
        Map<String, Object> env = (Map<String, Object>) es.get("environment");
        assertThat(env.get("xpack.security.enabled")).isEqualTo("true");
        assertThat((Map<String, Object>) es.get("healthcheck")).containsKeys("test", "interval", "retries");
        assertThat((List<String>) es.get("volumes")).anyMatch(v -> v.startsWith("esdata:"));
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("esdata");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldConnectTheServerToTheClusterOnceItIsHealthy() {
        Map<String, Object> clipfile = service("clipfile");
        assertThat(clipfile.get("build")).isEqualTo(".");
        Map<String, Object> env = (Map<String, Object>) clipfile.get("environment");
        assertThat(env.get("SPRING_ELASTICSEARCH_URIS")).isEqualTo("http://elasticsearch:9200");
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) clipfile.get("depends_on");
        assertThat(dependsOn.get("elasticsearch-setup").get("condition"))
                .isEqualTo("service_completed_successfully");
        Map<String, Map<String, String>> setupDependsOn = (Map<String, Map<String, String>>) service(
                "elasticsearch-setup").get("depends_on");
        assertThat(setupDependsOn.get("elasticsearch").get("condition")).isEqualTo("service_healthy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldConnectTheServerAsARestrictedUserNotTheSuperuser() {
        Map<String, Object> appEnv = (Map<String, Object>) service("clipfile").get("environment");
        assertThat(appEnv.get("SPRING_ELASTICSEARCH_USERNAME")).isEqualTo("clipfile");
        String setup = String.join("\n", (List<String>) service("elasticsearch-setup").get("command"));
        assertThat(setup).contains("_security/role/clipfile_server").contains("\"articles*\"")
                .doesNotContain("\"all\"").contains("\"roles\": [\"clipfile_server\"]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldTakeEverySecretFromTheEnvironment() {
        Map<String, Object> esEnv = (Map<String, Object>) service("elasticsearch").get("environment");
        Map<String, Object> appEnv = (Map<String, Object>) service("clipfile").get("environment");
        assertThat(esEnv.get("ELASTIC_PASSWORD").toString()).startsWith("${ELASTIC_PASSWORD:?");
        assertThat(appEnv.get("SPRING_ELASTICSEARCH_PASSWORD").toString()).startsWith("${CLIPFILE_ES_PASSWORD:?");
        assertThat(appEnv.get("CLIPFILE_SECURITY_BOOTSTRAP_ADMIN_PASSWORD").toString())
                .startsWith("${CLIPFILE_ADMIN_PASSWORD");
        assertThat(raw).doesNotContainPattern("(?i)(password|secret|api_?key)\\s*[:=]\\s*[\"']?[A-Za-z0-9]{6,}");
    }
}
