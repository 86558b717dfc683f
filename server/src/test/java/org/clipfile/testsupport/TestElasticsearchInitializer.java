package org.clipfile.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the server under test at {@link TestElasticsearch} unless the test configured a URI itself. */
public class TestElasticsearchInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (!environment.containsProperty("spring.elasticsearch.uris")) {
            environment.getPropertySources().addLast(new MapPropertySource("test-elasticsearch",
                    Map.of("spring.elasticsearch.uris", TestElasticsearch.uri().toString())));
        }
    }
}
