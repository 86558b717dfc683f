package org.clipfile.localnode;

import java.util.List;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Points the Elasticsearch client at the local node that {@link LocalNodeInitializer} started. */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalModeCondition.class)
class LocalNodeConfiguration {

    @Bean
    ElasticsearchConnectionDetails localElasticsearchConnectionDetails(LocalElasticsearch node) {
        return new ElasticsearchConnectionDetails() {
            @Override
            public List<Node> getNodes() {
                return List.of(new Node("127.0.0.1", node.httpPort(), Node.Protocol.HTTP));
            }

            @Override
            public String getUsername() {
                return node.credentials() == null ? null : node.credentials().username();
            }

            @Override
            public String getPassword() {
                return node.credentials() == null ? null : node.credentials().password();
            }
        };
    }

    @Bean
    ElasticsearchReadiness localElasticsearchReadiness(LocalElasticsearch node) {
        return node::awaitReady;
    }
}
