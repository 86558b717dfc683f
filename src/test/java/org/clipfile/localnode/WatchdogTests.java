package org.clipfile.localnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
}
