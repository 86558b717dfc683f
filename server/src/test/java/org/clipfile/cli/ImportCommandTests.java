package org.clipfile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ImportCommandTests {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(String... args) {
        return ImportCommand.commandLine(new PrintStream(printed, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    void shouldPrintTheUsageWithOptionsAndExitCodesAndExitZeroOnHelp() {
        int status = run("--help");

        String usage = printed.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(usage).contains("Usage: import", "PATH", "--server", "--include", "--server-path", "--api-key",
                "--progress", "Exit codes:", "some documents failed");
    }

    @Test
    void shouldExitTwoAndShowTheUsageOnAnUnknownOption() {
        int status = run("--nonsense", "folder");

        assertThat(status).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Unknown option", "Usage: import");
    }

    @Test
    void shouldExitTwoWhenThePathIsMissing() {
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void shouldPrintAVersion() {
        assertThat(run("--version")).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("Clipfile ");
    }

    @Test
    void shouldCountStoriesInsideSgmlFilesForTheProgressTotal(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("reut2-000.sgm"), "<REUTERS ID=1>a</REUTERS>\n<REUTERS ID=2>b</REUTERS>"
                + "<REUTERS ID=3>c</REUTERS>\n");
        Files.writeString(folder.resolve("wire.ndjson"), "{\"title\": \"a\"}\n\n{\"title\": \"b\"}\n");
        Files.writeString(folder.resolve("notes.txt"), "one article");

        assertThat(DocumentCount.of(folder, null)).isEqualTo(6);
        assertThat(DocumentCount.of(folder, "*.sgm")).isEqualTo(3);
    }

    @Test
    void shouldNotShowAHundredPercentAfterTheFirstBatchWhenTheServerCountsFilesNotStories() {
        JsonNode job = JsonMapper.shared().readTree("""
                {"status": "running", "total_estimate": 22, "processed": 1000, "rate_per_second": 400.0,
                 "eta_seconds": null, "failed": 0}""");

        String line = ImportCommand.progressLine(job, 21_578);

        assertThat(line).contains("  4%").contains("1,000/21,578 docs").doesNotContain("100%");
    }
}
