package org.clipfile.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.util.List;
import org.clipfile.search.Exploration;
import org.clipfile.search.ExploreService;
import org.clipfile.search.Facet;
import org.springframework.web.bind.annotation.GetMapping;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The map, entity suggestions and entity pages, under the search parameters of {@link SearchArguments}. */
@RestController
class ExploreController {
    static final int MAX_ZOOM = 10;
    static final int MAX_CELLS = 2000;
    static final int MAX_PREFIX_CHARS = 100;

    private final ExploreService explore;

    ExploreController(ExploreService explore) {
        this.explore = explore;
    }

    /** {@code GET /api/map?zoom=0..10&cells=} with the search parameters: counts per map cell. */
    @GetMapping("/api/map")
    Exploration.MapCells map(SearchArguments search,
            @Parameter(schema = @Schema(type = "integer", minimum = "0", maximum = "" + MAX_ZOOM, defaultValue = "2"))
            @RequestParam(required = false) @Nullable String zoom,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_CELLS,
                    defaultValue = "500"))
            @RequestParam(required = false) @Nullable String cells)
            throws IOException {
        return explore.map(search.search(), SearchParametersReader.integer(zoom, "zoom", 2, 0, MAX_ZOOM),
                SearchParametersReader.integer(cells, "cells", 500, 1, MAX_CELLS));
    }

    /** {@code GET /api/entities?prefix=kir&type=person|group|place&size=10}: suggestions while typing. */
    @GetMapping("/api/entities")
    Exploration.Suggestions suggest(
            @Parameter(description = "The start of a word of a name or alias", required = true, example = "kir")
            @RequestParam(required = false) @Nullable String prefix,
            @Parameter(schema = @Schema(allowableValues = {"person", "group", "place"}))
            @RequestParam(required = false) @Nullable String type,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "50", defaultValue = "10"))
            @RequestParam(required = false) @Nullable String size)
            throws IOException {
        if (prefix == null || prefix.isBlank()) {
            throw new BadRequestException("prefix is required: the start of a name");
        }
        if (prefix.length() > MAX_PREFIX_CHARS) {
            throw new BadRequestException("prefix is longer than " + MAX_PREFIX_CHARS + " characters");
        }
        List<Facet> facets;
        if (type == null || type.isBlank()) {
            facets = List.of(Facet.PERSON, Facet.GROUP, Facet.PLACE);
        } else {
            facets = switch (type.strip()) {
                case "person" -> List.of(Facet.PERSON);
                case "group" -> List.of(Facet.GROUP);
                case "place" -> List.of(Facet.PLACE);
                default -> throw new BadRequestException("type must be person, group or place, not '" + type + "'");
            };
        }
        return explore.suggest(prefix.strip(), facets, SearchParametersReader.integer(size, "size", 10, 1, 50));
    }

    /** {@code GET /api/entities/{id}} with the search parameters: the entity's page under the current search. */
    @GetMapping("/api/entities/{id}")
    Exploration.EntityPage entity(@PathVariable String id, SearchArguments search) throws IOException {
        if (ExploreService.facetOf(id).isEmpty()) {
            throw new NotFoundException("No entity " + id + "; entity ids start with person:, group: or place:");
        }
        return explore.entity(search.search(), id)
                .orElseThrow(() -> new NotFoundException("No entity " + id + " in the archive"));
    }
}
