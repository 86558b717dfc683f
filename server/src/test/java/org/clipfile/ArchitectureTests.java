package org.clipfile;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.servlet.http.HttpServletRequest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.ElasticsearchIndicesClient;
import org.clipfile.audit.AuditLog;
import org.clipfile.catalogue.EntityCatalogueService;
import org.clipfile.enrich.Enricher;
import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.places.Gazetteer;
import org.clipfile.index.IndexDefinition;
import org.clipfile.web.SearchQueryStrings;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The package borders: features by package, no cycles, the web layer at the edge, the local node on its own. */
class ArchitectureTests {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.clipfile");

    @Test
    void shouldHaveNoCyclesBetweenFeatures() {
        slices().matching("org.clipfile.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldHaveNoCyclesBetweenPackagesInsideAFeature() {
        slices().matching("org.clipfile.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldKeepTheWebLayerAtTheEdge() {
        // Controllers of a feature may use the shared HTTP parameter and error types; services never do, except
        // the one parser web publishes for a search's query string (saved searches and batches store one).
        noClasses().that().resideOutsideOfPackages("org.clipfile.web..", "org.clipfile")
                .and().areNotAnnotatedWith(RestController.class)
                .should().dependOnClassesThat(resideInAPackage("org.clipfile.web..")
                        .and(not(type(SearchQueryStrings.class))))
                .check(MAIN);
    }

    @Test
    void shouldBindRequestsInsteadOfReadingTheServletRequestInControllers() {
        // Search parameters come bound (SearchArguments), the audit context typed (AuditContext). Left: a login
        // manages its session, a batch reads a body whose kind depends on its content type.
        ArchCondition<JavaMethod> notTakeTheServletRequest = new ArchCondition<>("not take the HttpServletRequest") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (method.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(HttpServletRequest.class))) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " takes the HttpServletRequest"));
                }
            }
        };
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .and().areDeclaredInClassesThat().doNotHaveSimpleName("SessionController")
                .and().areDeclaredInClassesThat().doNotHaveSimpleName("BatchSearchController")
                .should(notTakeTheServletRequest)
                .check(MAIN);
    }

    @Test
    void shouldKeepTheLocalNodeFreeOfFeatures() {
        noClasses().that().resideInAPackage("org.clipfile.localnode..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clipfile.search..", "org.clipfile.ingest..",
                        "org.clipfile.enrich..", "org.clipfile.imports..", "org.clipfile.security..",
                        "org.clipfile.web..", "org.clipfile.audit..", "org.clipfile.aliases..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheArticleRecordFreeOfTheHttpLayer() {
        noClasses().that().resideInAPackage("org.clipfile.article..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clipfile.web..", "org.clipfile.search..",
                        "org.clipfile.imports..", "jakarta.servlet..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheArticleRecordFreeOfEnrichment() {
        // The article holds what enrichment found (org.clipfile.entity), never how it was found.
        noClasses().that().resideInAPackage("org.clipfile.article..")
                .should().dependOnClassesThat().resideInAPackage("org.clipfile.enrich..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheEntitiesAnArticleCarriesFreeOfArticleAndEnrichment() {
        // Both the article record and enrichment use these records; they depend on neither.
        classes().that().resideInAPackage("org.clipfile.entity..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.clipfile.entity..",
                        "com.fasterxml.jackson.annotation..", "org.jspecify..")
                .check(MAIN);
    }

    @Test
    void shouldReachReferenceDataThroughItsBeansNotThroughTheEnricher() {
        // The gazetteer and the alias registry are beans of their own (enrich.ReferenceDataConfiguration).
        noClasses().that().resideOutsideOfPackage("org.clipfile.enrich..")
                .should().callMethod(Enricher.class, "aliasRegistry")
                .orShould().callMethod(Enricher.class, "gazetteer")
                .check(MAIN);
    }

    @Test
    void shouldReadReferenceDataInSearchAndBatchThroughTheCatalogue() {
        // enrich.ReferenceCatalogue: names and places by id, entities by name; editors (aliases) change the registry.
        noClasses().that().resideInAnyPackage("org.clipfile.search..", "org.clipfile.batch..")
                .should().dependOnClassesThat().belongToAnyOf(Gazetteer.class, AliasRegistry.class)
                .check(MAIN);
    }

    @Test
    void shouldKeepNameKeysOnTheJdkAloneForTheElasticsearchPlugin() {
        // NameKeys (module namekeys/) goes into the clipfile-names plugin too: inside Elasticsearch only the JDK is there.
        classes().that().haveNameMatching("org\\.clipfile\\.enrich\\.names\\.NameKeys.*")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.clipfile.enrich.names")
                .check(MAIN);
    }

    @Test
    void shouldDefineSystemIndicesOnlyThroughTheGateway() {
        // A feature keeping state in Elasticsearch asks SystemIndices for its index; it never reads a mapping file
        // itself (the article index's definition is the index package's). Not yet moved: the monthly audit indices
        // and the rebuilt entity catalogue (docs/architecture.md says why).
        noClasses().that().resideOutsideOfPackages("org.clipfile.index..", "org.clipfile.sysindex..")
                .and().doNotHaveFullyQualifiedName(EntityCatalogueService.class.getName())
                .and().resideOutsideOfPackage(AuditLog.class.getPackageName())
                .should().callMethod(IndexDefinition.class, "fromClasspath", String.class)
                .check(MAIN);
    }

    @Test
    void shouldKeepTheClientOutOfTheStoresOfSystemIndices() {
        noClasses().that().haveSimpleNameEndingWith("Store").and().doNotHaveSimpleName("AuditStore")
                .or().haveSimpleName("UserAccounts").or().haveSimpleName("ApiKeys").or().haveSimpleName("AliasEdits")
                .should().dependOnClassesThat().areAssignableTo(ElasticsearchClient.class)
                .check(MAIN);
    }

    @Test
    void shouldReachElasticsearchOnlyThroughTheGateways() {
        // The article index through index.ArticleIndex (its bulk writer and mapping lifecycle beside it), the system
        // indices through sysindex. Two exceptions, explained in docs/structure.md: the audit's monthly indices
        // behind a read alias, and the entity catalogue, dropped and rebuilt as a whole at every relink.
        noClasses().that().resideOutsideOfPackages("org.clipfile.index..", "org.clipfile.sysindex..")
                .and().doNotBelongToAnyOf(EntityCatalogueService.class)
                .and().haveNameNotMatching("org\\.clipfile\\.audit\\.AuditStore(\\$.*)?")
                .should().dependOnClassesThat().areAssignableTo(ElasticsearchClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(ElasticsearchIndicesClient.class)
                .check(MAIN);
    }

    @Test
    void shouldKeepTheGatewayFreeOfFeatures() {
        classes().that().resideInAPackage("org.clipfile.sysindex..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.clipfile.sysindex..",
                        "org.clipfile.index..", "co.elastic.clients..", "org.jspecify..", "org.springframework..")
                .check(MAIN);
    }
}
