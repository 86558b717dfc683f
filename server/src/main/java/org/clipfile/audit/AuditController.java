package org.clipfile.audit;

import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.clipfile.security.AuditContext;
import org.clipfile.web.BadRequestException;
import org.clipfile.web.DateParameter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * For admins: {@code GET /api/audit?user=&action=&from=&to=&page=&size=} pages through the audit, newest first;
 * {@code GET /api/audit/export} streams every matching event as NDJSON.
 */
@RestController
class AuditController {
    private static final int MAX_WINDOW = 10_000;

    record AuditPage(long total, int page, int size, List<AuditEvent> events) {}

    private final AuditStore store;

    AuditController(AuditStore store) {
        this.store = store;
    }

    @GetMapping("/api/audit")
    AuditPage search(@RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String action,
            @Parameter(example = "2024-01") @RequestParam(required = false) @Nullable String from,
            @Parameter(example = "2024-02") @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size,
            AuditContext audit) throws IOException {
        if (page < 1 || size < 1 || size > 1000) {
            throw new BadRequestException("page starts at 1 and size is between 1 and 1000");
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new BadRequestException(
                    "Pages end at the 10,000th event; narrow the search or use /api/audit/export");
        }
        AuditStore.Filter filter = filter(user, action, from, to);
        AuditStore.Page found = store.search(filter, (page - 1) * size, size);
        audit.count(found.total());
        return new AuditPage(found.total(), page, size, found.events());
    }

    @GetMapping("/api/audit/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String action,
            @Parameter(example = "2024-01") @RequestParam(required = false) @Nullable String from,
            @Parameter(example = "2024-02") @RequestParam(required = false) @Nullable String to,
            AuditContext audit) {
        AuditStore.Filter filter = filter(user, action, from, to);
        StreamingResponseBody body = out -> {
            long count = store.export(filter, event -> writeLine(out, event));
            audit.count(count);
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"clipfile-audit-" + LocalDate.now()
                        + ".ndjson\"")
                .body(body);
    }

    private static AuditStore.Filter filter(@Nullable String user, @Nullable String action, @Nullable String from,
            @Nullable String to) {
        return new AuditStore.Filter(blankToNull(user), blankToNull(action), DateParameter.parse(from, "from", false),
                DateParameter.parse(to, "to", true));
    }

    private static void writeLine(OutputStream out, AuditEvent event) {
        try {
            out.write(JsonMapper.shared().writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
