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
        return () -> List.of(new ElasticsearchConnectionDetails.Node(
                "127.0.0.1", node.httpPort(), ElasticsearchConnectionDetails.Node.Protocol.HTTP));
    }

    @Bean
    ElasticsearchReadiness localElasticsearchReadiness(LocalElasticsearch node) {
        return node::awaitReady;
    }
}
