package org.clipfile.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.clipfile.imports.ImportFailure;
import org.clipfile.imports.ImportJob;
import org.clipfile.imports.ImportService;
import org.clipfile.security.AuditContext;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Whole archives: upload a zip, NDJSON, JSON, SGML, HTML or text file (multipart or as the raw request body), or
 * name a folder on the server; the import runs in the background and reports its progress.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {
    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    record FolderImport(@NotBlank(message = "path is required") String path, @Nullable String include) {}

    record FailureList(@JsonProperty("job_id") String jobId, long total, int page, int size,
            List<ImportFailure> failures) {}

    @ApiResponse(responseCode = "202", description = "The import job, started in the background",
            useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJob> upload(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String include, AuditContext audit) throws IOException {
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
            return accepted(imports.startUpload(name, in, include), audit);
        }
    }

    @ApiResponse(responseCode = "202", description = "The import job, started in the background",
            useReturnTypeSchema = true)
    @PostMapping(consumes = {"application/zip", "application/x-ndjson", "application/octet-stream",
            "application/x-zip-compressed", "text/html", "application/sgml"})
    ResponseEntity<ImportJob> uploadBody(InputStream body, @RequestParam(defaultValue = "upload") String name,
            @RequestParam(required = false) @Nullable String include, AuditContext audit) throws IOException {
        try (InputStream in = body) {
            return accepted(imports.startUpload(name, in, include), audit);
        }
    }

    @ApiResponse(responseCode = "202", description = "The import job, started in the background",
            useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportJob> folder(@Valid @RequestBody FolderImport folder, AuditContext audit)
            throws IOException {
        return accepted(imports.startFolder(folder.path(), folder.include()), audit);
    }

    @GetMapping
    List<ImportJob> recent(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) throws IOException {
        return imports.recent(size);
    }

    @GetMapping("/{id}")
    ImportJob get(@PathVariable String id) throws IOException {
        return imports.find(id).orElseThrow(() -> new NotFoundException("No import with id " + id));
    }

    @GetMapping("/{id}/failures")
    FailureList failures(@PathVariable String id,
            @RequestParam(defaultValue = "1") @Min(value = 1, message = "page starts at 1") int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(value = 1000, message = "size must be at most 1000")
                    int size) throws IOException {
        if ((long) page * size > 10_000) {
            throw new BadRequestException("Failure pages end at the 10,000th failure");
        }
        imports.find(id).orElseThrow(() -> new NotFoundException("No import with id " + id));
        var found = imports.failures(id, (page - 1) * size, size);
        return new FailureList(id, found.total(), page, size, found.failures());
    }

    private static ResponseEntity<ImportJob> accepted(ImportJob job, AuditContext audit) {
        audit.target(job.id());
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
    }
}
