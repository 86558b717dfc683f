package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImportRunnerTests {

    @Test
    void shouldStoreProgressEveryFiveSecondsByDefaultAndAlwaysWithinAThirdOfTheAbandonmentTime() {
        assertThat(ImportRunner.storeEvery(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(5));
        assertThat(ImportRunner.storeEvery(Duration.ofSeconds(6))).isEqualTo(Duration.ofSeconds(2));
        // Never more often than the one-second heartbeat, even when a job is taken over after two seconds.
        assertThat(ImportRunner.storeEvery(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(ImportRunner.storeEvery(Duration.ofDays(1))).isEqualTo(Duration.ofSeconds(5));
    }
}
