package org.clipfile.enrich;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.ner.EntityRecognizer;
import org.clipfile.enrich.ner.RecognizerEngine;
import org.clipfile.enrich.places.Gazetteer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reference data enrichment and search share, one bean each, loaded once: the gazetteer, the alias registry and
 * the entity recognizer ({@code clipfile.enrich.recognizer}). The gazetteer and the recognizer's model take a few
 * seconds each, so both start loading in the background as soon as this configuration is created and each bean
 * waits only for its own; whichever a feature asks for first, they load side by side (as the enricher loaded them
 * before they were beans).
 */
@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {
    private final CompletableFuture<Gazetteer> gazetteer;
    private final CompletableFuture<EntityRecognizer> recognizer;

    ReferenceDataConfiguration(ObjectProvider<EnrichProperties> properties) {
        RecognizerEngine engine =
                properties.getIfAvailable(() -> new EnrichProperties(RecognizerEngine.FAST)).recognizer();
        this.gazetteer = CompletableFuture.supplyAsync(Gazetteer::loadDefault, ReferenceDataConfiguration::inThread);
        this.recognizer = CompletableFuture.supplyAsync(engine::load, ReferenceDataConfiguration::inThread);
    }

    /** A thread of its own per load: the common pool has one worker on a two-core machine. */
    private static void inThread(Runnable load) {
        Thread.ofPlatform().name("reference-data-load").daemon().start(load);
    }

    @Bean
    Gazetteer gazetteer() {
        return join(gazetteer);
    }

    @Bean
    EntityRecognizer entityRecognizer() {
        return join(recognizer);
    }

    /** Editors' changes ({@code org.clipfile.aliases}) apply to this one registry, which the enricher resolves with. */
    @Bean
    AliasRegistry aliasRegistry() {
        return AliasRegistry.loadDefault();
    }

    /** What search and batch read of the gazetteer and the registry (the same registry instance editors change). */
    @Bean
    ReferenceCatalogue referenceCatalogue(Gazetteer gazetteer, AliasRegistry registry) {
        return new GazetteerAndRegistry(gazetteer, registry);
    }

    private static <T> T join(CompletableFuture<T> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
