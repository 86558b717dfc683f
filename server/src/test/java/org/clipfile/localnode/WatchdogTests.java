package org.clipfile.localnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog script stops its child when the owning process is gone, asking the kernel (kill -0), not /proc. */
class WatchdogTests {
    @Test
    void shouldStopTheChildOnceTheOwnerIsGone(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("watchdog.sh");
        try (InputStream in = getClass().getResourceAsStream("/localnode/watchdog.sh")) {
            Files.write(script, in.readAllBytes());
        }
        assertThat(Files.readString(script)).doesNotContain("/proc");
        Process owner = new ProcessBuilder("sleep", "300").start();
        Process watchdog = new ProcessBuilder("sh", script.toString(), Long.toString(owner.pid()), "sleep", "300")
                .start();
        Thread.sleep(1500);
        assertThat(watchdog.isAlive()).isTrue();

        owner.destroyForcibly().waitFor();

        assertThat(watchdog.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(watchdog.descendants().filter(ProcessHandle::isAlive).count()).isZero();
    }

    @Test
    void shouldKeepTheChildWhileAnOwnerOfAnotherAccountLives() throws Exception {
        // As root (CI), the server runs as root and the watchdog as Elasticsearch's account: kill -0 is refused.
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to run the watchdog as another account than its owner");
        String script;
        try (InputStream in = getClass().getResourceAsStream("/localnode/watchdog.sh")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Process owner = new ProcessBuilder("sleep", "300").start();
        Process watchdog = new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "sh", "-c", script, "watchdog", Long.toString(owner.pid()), "sleep", "300").start();
        try {
            Thread.sleep(3000);
            assertThat(watchdog.isAlive()).as("the watchdog still runs its child while the owner lives").isTrue();

            owner.destroyForcibly().waitFor();

            assertThat(watchdog.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            owner.destroyForcibly();
            watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
            watchdog.destroyForcibly();
        }
    }
}
