package org.clipfile.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.Locale;
import org.clipfile.search.ExportService;
import org.clipfile.security.AuditContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code GET /api/export?format=csv|ndjson} with the search parameters: every matching article, streamed. */
@RestController
class ExportController {
    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/export")
    @ApiResponse(responseCode = "200", description = "Every matching article, streamed, after its provenance",
            content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
    ResponseEntity<StreamingResponseBody> export(SearchArguments search,
            @RequestParam(defaultValue = "csv") String format, AuditContext audit) {
        ExportService.Format chosen;
        try {
            chosen = ExportService.Format.valueOf(format.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("format must be csv or ndjson, not '" + format + "'");
        }
        exports.reserve();
        StreamingResponseBody body = out -> audit.count(exports.write(search.search(), search.queryString(), chosen,
                out));
        String file = "clipfile-export-" + LocalDate.now() + "." + chosen.name();
        return ResponseEntity.ok()
                .contentType(chosen == ExportService.Format.csv ? new MediaType("text", "csv", java.nio.charset
                        .StandardCharsets.UTF_8) : MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body);
    }
}
