package org.clipfile.estransport;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;

/** Builds the blocking transport the way {@link TransportConfiguration} does, for given node URIs. */
final class TestTransports {
    private TestTransports() {}

    static BlockingHttpClient httpClient(List<URI> uris, @Nullable String username, @Nullable String password,
            long maxResponseSize) {
        ElasticsearchConnectionDetails connection = new ElasticsearchConnectionDetails() {
            @Override
            public List<Node> getNodes() {
                return uris.stream().map(uri -> new Node(uri.getHost(), uri.getPort(), Node.Protocol.HTTP)).toList();
            }

            @Override
            public @Nullable String getUsername() {
                return username;
            }

            @Override
            public @Nullable String getPassword() {
                return password;
            }
        };
        ElasticsearchProperties boot = new ElasticsearchProperties();
        boot.setConnectionTimeout(Duration.ofSeconds(2));
        boot.setSocketTimeout(Duration.ofSeconds(30));
        TransportProperties properties = new TransportProperties(TransportProperties.Kind.BLOCKING, 4, 8,
                Duration.ofSeconds(60), Duration.ofMinutes(30), Duration.ofSeconds(60), maxResponseSize);
        return TransportConfiguration.httpClient(connection, boot, properties, Clock.systemUTC());
    }

    static ElasticsearchClient client(BlockingHttpClient http) {
        return new ElasticsearchClient(new BlockingTransport(http, null, new Jackson3JsonpMapper()));
    }
}
