package org.clipfile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.clipfile.search.Exploration;
import org.clipfile.search.ExploreService;
import org.clipfile.search.Facet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The map, entity suggestions and entity pages, under the search parameters of {@link SearchParametersReader}. */
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
    Exploration.MapCells map(HttpServletRequest request) throws IOException {
        int zoom = SearchParametersReader.integer(request, "zoom", 2, 0, MAX_ZOOM);
        int cells = SearchParametersReader.integer(request, "cells", 500, 1, MAX_CELLS);
        return explore.map(SearchParametersReader.read(request, true), zoom, cells);
    }

    /** {@code GET /api/entities?prefix=kir&type=person|group|place&size=10}: suggestions while typing. */
    @GetMapping("/api/entities")
    Exploration.Suggestions suggest(HttpServletRequest request) throws IOException {
        String prefix = request.getParameter("prefix");
        if (prefix == null || prefix.isBlank()) {
            throw new BadRequestException("prefix is required: the start of a name");
        }
        if (prefix.length() > MAX_PREFIX_CHARS) {
            throw new BadRequestException("prefix is longer than " + MAX_PREFIX_CHARS + " characters");
        }
        String type = request.getParameter("type");
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
        int size = SearchParametersReader.integer(request, "size", 10, 1, 50);
        return explore.suggest(prefix.strip(), facets, size);
    }

    /** {@code GET /api/entities/{id}} with the search parameters: the entity's page under the current search. */
    @GetMapping("/api/entities/{id}")
    Exploration.EntityPage entity(@PathVariable String id, HttpServletRequest request) throws IOException {
        if (ExploreService.facetOf(id).isEmpty()) {
            throw new NotFoundException("No entity " + id + "; entity ids start with person:, group: or place:");
        }
        return explore.entity(SearchParametersReader.read(request, true), id)
                .orElseThrow(() -> new NotFoundException("No entity " + id + " in the archive"));
    }
}
