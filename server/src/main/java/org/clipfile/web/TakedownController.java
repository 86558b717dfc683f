package org.clipfile.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import org.clipfile.security.AuditContext;
import org.clipfile.security.Callers;
import org.clipfile.takedown.Takedown;
import org.clipfile.takedown.Takedowns;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takedowns (administrators only): remove an article or a whole source, with a reason that goes into the audit and
 * onto the takedown list, and lift an entry of that list.
 */
@RestController
class TakedownController {
    static final int MAX_REASON = 2000;

    private final Takedowns takedowns;

    TakedownController(Takedowns takedowns) {
        this.takedowns = takedowns;
    }

    @DeleteMapping("/api/articles/{id}")
    Takedown takeDownArticle(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
            AuditContext audit) throws IOException {
        String why = reason(reason, audit);
        return takedowns.takeDownArticle(id, why, caller())
                .orElseThrow(() -> new NotFoundException("No article with id " + id));
    }

    @DeleteMapping("/api/sources/{source}")
    Takedown takeDownSource(@PathVariable String source, @RequestParam(required = false) @Nullable String reason,
            AuditContext audit) throws IOException {
        if (source.isBlank() || source.length() > 512) {
            throw new BadRequestException("source must have 1 to 512 characters");
        }
        String why = reason(reason, audit);
        Takedown done = takedowns.takeDownSource(source, why, caller());
        audit.count(done.removed());
        return done;
    }

    @GetMapping("/api/takedowns")
    Takedowns.Page list(
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "1"))
            @RequestParam(required = false) @Nullable String page,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "50"))
            @RequestParam(required = false) @Nullable String size,
            AuditContext audit) throws IOException {
        Takedowns.Page result = takedowns.list(SearchParametersReader.integer(page, "page", 1, 1, 100),
                SearchParametersReader.integer(size, "size", 50, 1, 100));
        audit.count(result.total());
        return result;
    }

    @DeleteMapping("/api/takedowns/{id}")
    ResponseEntity<Void> lift(@PathVariable String id) throws IOException {
        if (!takedowns.lift(id)) {
            throw new NotFoundException("No takedown with id " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** A takedown without a reason is refused: the audit must say why. */
    private static String reason(@Nullable String reason, AuditContext audit) {
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("reason is required: say why the article is taken down (legal request, "
                    + "retraction, ...)");
        }
        if (reason.length() > MAX_REASON) {
            throw new BadRequestException("reason is longer than " + MAX_REASON + " characters");
        }
        String why = reason.strip();
        audit.detail("reason: " + why);
        return why;
    }

    private static String caller() {
        return Callers.name(SecurityContextHolder.getContext().getAuthentication());
    }
}
