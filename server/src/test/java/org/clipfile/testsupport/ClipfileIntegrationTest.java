package org.clipfile.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole server on a random port, connected to {@link TestElasticsearch}. Test classes give themselves their
 * own index with {@code @TestPropertySource(properties = "clipfile.index.alias=...")}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clipfile.local-node.enabled=false", "clipfile.samples.enabled=false"})
@ContextConfiguration(initializers = TestElasticsearchInitializer.class)
public @interface ClipfileIntegrationTest {}
