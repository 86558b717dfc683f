package org.clipfile.localnode;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts the local Elasticsearch before the application context is refreshed, so that its boot overlaps with the
 * server's own instead of following it. The node becomes the {@code localElasticsearch} bean and stops with the
 * context. Registered in {@code META-INF/spring.factories}.
 */
public class LocalNodeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    static final String BEAN_NAME = "localElasticsearch";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!LocalModeCondition.isLocalMode(context.getEnvironment())) {
            return;
        }
        LocalNodeProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("clipfile.local-node", LocalNodeProperties.class);
        LocalElasticsearch node = new LocalElasticsearch(properties.toSettings());
        node.start();
        var beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, node);
        // Registered first, destroyed last: the node outlives the web server's graceful shutdown.
        if (beanFactory instanceof DefaultListableBeanFactory registry) {
            registry.registerDisposableBean(BEAN_NAME, node::close);
        } else {
            context.addApplicationListener((ContextClosedEvent event) -> node.close());
        }
    }
}
