package org.clipfile.estransport;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Which transport Spring Boot's ElasticsearchClient gets, by {@code clipfile.elasticsearch.transport.kind}. */
class TransportSwitchTests {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ElasticsearchRestClientAutoConfiguration.class,
                    ElasticsearchClientAutoConfiguration.class))
            .withUserConfiguration(Transports.class)
            .withPropertyValues("spring.elasticsearch.uris=http://127.0.0.1:9,http://127.0.0.1:10");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TransportProperties.class)
    @Import(TransportConfiguration.class)
    static class Transports {}

    @Test
    void shouldPutTheBlockingTransportUnderTheClientWhenAsked() {
        runner.withPropertyValues("clipfile.elasticsearch.transport.kind=blocking").run(context -> {
            assertThat(context).hasSingleBean(ElasticsearchClient.class);
            assertThat(context.getBean(ElasticsearchTransport.class)).isInstanceOf(BlockingTransport.class);
            assertThat(context.getBean(ElasticsearchClient.class)._transport()).isInstanceOf(BlockingTransport.class);
            BlockingTransport transport = context.getBean(BlockingTransport.class);
            assertThat(((BlockingHttpClient) transport.httpClient()).nodes().all()).hasSize(2);
        });
    }

    @Test
    void shouldLeaveSpringBootsRest5TransportByDefault() {
        runner.run(context -> {
            assertThat(context.getBean(ElasticsearchTransport.class)).isInstanceOf(Rest5ClientTransport.class);
            assertThat(context).doesNotHaveBean(BlockingTransport.class);
        });
    }

    @Test
    void shouldLeaveSpringBootsRest5TransportWhenAsked() {
        runner.withPropertyValues("clipfile.elasticsearch.transport.kind=rest5").run(context -> {
            assertThat(context.getBean(ElasticsearchTransport.class)).isInstanceOf(Rest5ClientTransport.class);
            assertThat(context).doesNotHaveBean(BlockingTransport.class);
        });
    }
}
