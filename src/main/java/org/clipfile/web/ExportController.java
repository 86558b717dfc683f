package org.clipfile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Locale;
import org.clipfile.search.ExportService;
import org.clipfile.search.SearchParameters;
import org.clipfile.security.AuditAttributes;
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
    ResponseEntity<StreamingResponseBody> export(HttpServletRequest request,
            @RequestParam(defaultValue = "csv") String format) {
        ExportService.Format chosen;
        try {
            chosen = ExportService.Format.valueOf(format.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("format must be csv or ndjson, not '" + format + "'");
        }
        SearchParameters parameters = SearchParametersReader.read(request, true);
        String queryString = request.getQueryString();
        exports.reserve();
        StreamingResponseBody body = out -> request.setAttribute(AuditAttributes.COUNT,
                exports.write(parameters, queryString, chosen, out));
        String file = "clipfile-export-" + LocalDate.now() + "." + chosen.name();
        return ResponseEntity.ok()
                .contentType(chosen == ExportService.Format.csv ? new MediaType("text", "csv", java.nio.charset
                        .StandardCharsets.UTF_8) : MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body);
    }
}
