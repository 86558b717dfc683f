package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.clipfile.search.Facet;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description the server serves names exactly the API's endpoints and every search parameter. */
@ClipfileIntegrationTest
class OpenApiDocumentIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode document() {
        Http.Response response = new Http(port).get("/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void shouldDescribeEveryEndpointOfTheApiAndNoOther() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name().toLowerCase() + " " + path))));
        Set<String> described = new TreeSet<>();
        document().get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> described.add(operation.getKey() + " " + path.getKey())));

        assertThat(served).isNotEmpty();
        assertThat(described).isEqualTo(served);
    }

    @Test
    void shouldDescribeEveryFacetParameterAndItsExclusion() {
        JsonNode parameters = document().get("components").get("parameters");

        for (Facet facet : Facet.values()) {
            assertThat(parameters.has(facet.parameter())).as(facet.parameter()).isTrue();
            assertThat(parameters.get("not_" + facet.parameter()).get("name").asString())
                    .isEqualTo("-" + facet.parameter());
        }
    }
}
