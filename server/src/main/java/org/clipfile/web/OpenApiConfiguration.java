package org.clipfile.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clipfile.search.Facet;
import org.clipfile.security.AuditContext;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API description springdoc-openapi generates from the controllers at {@code /v3/api-docs} (also at the older
 * {@code /openapi.json}), with what it cannot see in the code: the search parameters bound by
 * {@link SearchArgumentsResolver} (documented once, under {@code components.parameters}, and referenced by every
 * operation that takes them), the RFC 9457 problems every operation may answer, and the two ways to call (an API key,
 * or the web page's session cookie with its CSRF header).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration implements WebMvcConfigurer {
    static final String PROBLEM = "Problem";
    static final String API_KEY = "apiKey";
    static final String SESSION = "session";
    static final String CSRF = "csrf";

    static {
        // Bound by argument resolvers of ours or Spring's, not from one request parameter of that name.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(SearchArguments.class, AuditContext.class,
                Authentication.class);
        // A search hit carries the stored entities as read (people, groups, places): a JSON object to a client.
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class, new ObjectSchema()
                .description("The people, groups and places the article names, as stored (see Enrichment)")
                .additionalProperties(true));
    }

    /** The older address of the document, which the documentation links. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/openapi.json").setViewName("forward:/v3/api-docs");
    }

    @Bean
    OpenAPI clipfileOpenApi() {
        Components components = new Components()
                .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("Authorization")
                        .description("An API key an administrator made (POST /api/keys), sent as "
                                + "`Authorization: ApiKey cf_...` (or in the `X-Api-Key` header)"))
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                        .description("The web page's login session (POST /api/session with a user name and password)"))
                .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("X-XSRF-TOKEN")
                        .description("With a session, every call but GET and HEAD sends the value of the XSRF-TOKEN "
                                + "cookie in this header; calls with an API key need none"))
                .addSchemas(PROBLEM, problemSchema());
        searchParameters().forEach(components::addParameters);
        return new OpenAPI()
                .info(new Info().title("Clipfile API").version("1")
                        .description("Search server for newsroom archives. Errors are RFC 9457 problems "
                                + "(application/problem+json) with a stable type (/problems/...). Roles: reader, "
                                + "editor, admin (see docs/access-control.md).")
                        .license(new License().name("GPL-3.0-or-later")
                                .url("https://www.gnu.org/licenses/gpl-3.0.html")))
                .components(components)
                .security(List.of(new SecurityRequirement().addList(API_KEY),
                        new SecurityRequirement().addList(SESSION).addList(CSRF)));
    }

    /**
     * The search parameters on the operations that bind {@link SearchArguments}, and the problems every operation
     * may answer.
     */
    @Bean
    OperationCustomizer clipfileOperations() {
        return (operation, handler) -> {
            searchParametersOf(handler).forEach(name -> {
                boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(p -> name.equals(p.getName()) && "query".equals(p.getIn()));
                // The facets endpoint's own page and size page through facet values and take their place.
                if (!declared) {
                    operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + key(name)));
                }
            });
            addProblems(operation);
            return operation;
        };
    }

    /**
     * What depends on the path: a 404 problem where the path names something by id, and no credential for the login
     * itself.
     */
    @Bean
    OpenApiCustomizer clipfilePaths() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.contains("{")) {
                    item.readOperations().forEach(operation -> {
                        if (!operation.getResponses().containsKey("404")) {
                            operation.getResponses().addApiResponse("404",
                                    problemResponse("Nothing of that id or name"));
                        }
                    });
                }
            });
            var session = openApi.getPaths().get("/api/session");
            if (session != null) {
                session.readOperations().forEach(operation -> operation.setSecurity(List.of()));
            }
        };
    }

    /**
     * A body read as a stream ({@code InputStream} parameter, the import's raw upload) is no body to springdoc: its
     * mapping's {@code consumes} types are added to the operation's request body, as binary.
     */
    @Bean
    OpenApiCustomizer clipfileStreamedBodies(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        return openApi -> mappings.getHandlerMethods().forEach((info, handler) -> {
            boolean streamed = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == java.io.InputStream.class);
            if (!streamed || openApi.getPaths() == null) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                var item = openApi.getPaths().get(pattern);
                if (item == null) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(method -> {
                    Operation operation = item.readOperationsMap().get(
                            io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(method.name()));
                    if (operation == null) {
                        return;
                    }
                    if (operation.getRequestBody() == null) {
                        operation.setRequestBody(new io.swagger.v3.oas.models.parameters.RequestBody().required(true));
                    }
                    if (operation.getRequestBody().getContent() == null) {
                        operation.getRequestBody().setContent(new Content());
                    }
                    info.getConsumesCondition().getConsumableMediaTypes().forEach(type -> operation.getRequestBody()
                            .getContent().putIfAbsent(type.toString(), new MediaType().schema(
                                    new StringSchema().format("binary"))));
                });
            }
        });
    }

    /** Names of the search parameters an operation takes, in the order they are documented. */
    static List<String> searchParametersOf(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.getParameterType() == SearchArguments.class) {
                boolean hits = parameter.hasParameterAnnotation(SearchArguments.PagedHits.class);
                return SEARCH_PARAMETERS.keySet().stream()
                        .filter(name -> hits || !HITS_ONLY.contains(name))
                        .toList();
            }
        }
        return List.of();
    }

    /** The key of a parameter under {@code components.parameters}: {@code -person} is {@code not_person}. */
    static String key(String name) {
        return name.startsWith("-") ? "not_" + name.substring(1) : name;
    }

    private static final Set<String> HITS_ONLY = Set.of("cursor", "collapse");

    /** Every search parameter, with its description, schema and an example a client may send. */
    static final Map<String, Parameter> SEARCH_PARAMETERS = searchParameterList();

    private static Map<String, Parameter> searchParameterList() {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        add(parameters, "q", new StringSchema().maxLength(SearchParametersReader.MAX_QUERY_CHARS), "raid",
                "The query language (docs/query-language.md): words, \"exact phrase\", \"words near\"~5, OR, "
                        + "-exclusion, prefix*, fuzzy~, ( ), title: person: group: place: source:. A syntax error is "
                        + "a 400 query-syntax problem with position and hint");
        for (Facet facet : Facet.values()) {
            String name = facet.parameter();
            Schema<?> values = new ArraySchema().items(new StringSchema()).maxItems(
                    SearchParametersReader.MAX_VALUES_PER_FACET);
            add(parameters, name, values, null, "Selects " + name + " values, repeatable: OR within one facet, "
                    + "AND across facets" + (facet == Facet.PLACE ? "; a place id at any level "
                    + "(place:country:SY, place:region:SY.12, place:geonames:170063) matches everything beneath it"
                    : ""));
            add(parameters, "-" + name, new ArraySchema().items(new StringSchema()).maxItems(
                    SearchParametersReader.MAX_VALUES_PER_FACET), null, "Excludes " + name + " values, repeatable");
        }
        add(parameters, "from", new StringSchema(), "2024",
                "Published at or after: 2024, 2024-02, 2024-02-03 or an ISO date-time (UTC)");
        add(parameters, "to", new StringSchema(), "2024-03",
                "Published before the end of: 2024, 2024-02, 2024-02-03 (that whole period) or an ISO date-time");
        add(parameters, "sort", new StringSchema()._enum(List.of("relevance", "newest", "oldest"))
                ._default("relevance"), "newest", "The order of results");
        add(parameters, "page", new IntegerSchema().minimum(java.math.BigDecimal.ONE)._default(1), "1",
                "1-based page; pages end at the 10,000th result on search (use cursor= to go further)");
        add(parameters, "size", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(SearchParametersReader.MAX_SIZE))._default(20), "20",
                "Results per page");
        add(parameters, "facet_size", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(100))._default(10), "10", "Values per facet");
        add(parameters, "bbox", new StringSchema(), "35.5,32.3,42.4,37.3",
                "Only articles naming a place inside west,south,east,north (degrees)");
        add(parameters, "facets", new StringSchema(), "person,place,date",
                "Count only these facets (comma-separated or repeated; date for the histogram); absent: all; "
                        + "empty: hits only");
        add(parameters, "count", new StringSchema()._enum(List.of("articles", "stories"))._default("articles"),
                "articles", "What the facets count: articles, or stories (clusters of copies)");
        add(parameters, "collection", new StringSchema(), null,
                "Only the articles of this collection (one the caller may see; else a 404 problem)");
        add(parameters, "cursor", new StringSchema(), "",
                "Deep paging: empty to start; each answer carries the cursor of the next page (valid 5 minutes "
                        + "between pages; expired: 410)");
        add(parameters, "collapse", new BooleanSchema()._default(true), "true",
                "true: one hit per story (copies folded); false: every copy");
        return java.util.Collections.unmodifiableMap(parameters);
    }

    private static void add(Map<String, Parameter> parameters, String name, Schema<?> schema,
            @Nullable String example,
            String description) {
        Parameter parameter = new Parameter().in("query").name(name).required(false).schema(schema)
                .description(description);
        if (example != null) {
            parameter.example(example);
        }
        if (schema instanceof ArraySchema) {
            parameter.explode(true);
        }
        parameters.put(name, parameter);
    }

    private static Map<String, Parameter> searchParameters() {
        Map<String, Parameter> components = new LinkedHashMap<>();
        SEARCH_PARAMETERS.forEach((name, parameter) -> components.put(key(name), parameter));
        return components;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: a stable type, a title and a detail written for the caller; some "
                        + "types add members (query-syntax: position and hint; taken-down: takedown)")
                .addProperty("type", new StringSchema().example("/problems/invalid-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("sort must be relevance, newest or oldest, not 'x'"))
                .addProperty("instance", new StringSchema().example("/api/search"))
                .addProperty("position", new IntegerSchema().description("query-syntax: where, in UTF-16 units"))
                .addProperty("hint", new StringSchema().description("query-syntax: how to fix it"))
                .addProperty("takedown", new StringSchema().description("taken-down: the takedown's id"))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid request: a parameter or body is malformed or out of range (the detail names it)",
            "401", "No credential, or a wrong or revoked one",
            "403", "The caller's role may not call this (or a session call without its CSRF header)",
            "503", "Elasticsearch is unreachable or starting (Retry-After)");

    private static void addProblems(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        List<String> codes = new ArrayList<>(PROBLEMS.keySet());
        java.util.Collections.sort(codes);
        for (String code : codes) {
            if (!responses.containsKey(code)) {
                responses.addApiResponse(code, problemResponse(PROBLEMS.get(code)));
            }
        }
        operation.setResponses(responses);
    }

    static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/"
                        + PROBLEM))));
    }
}
