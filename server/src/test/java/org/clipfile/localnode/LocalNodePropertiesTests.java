package org.clipfile.localnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalNodePropertiesTests {
    private static final Path DEFAULT = Path.of("target/no-such-elasticsearch/elasticsearch-9.5.3");

    @Test
    void shouldFindTheDistributionBesideThePackagedJarWhenStartedFromAnotherFolder(@TempDir Path checkout)
            throws IOException {
        Path distribution = Files.createDirectories(checkout.resolve(DEFAULT));
        Path jarFolder = checkout.resolve("target");

        assertThat(LocalNodeProperties.resolveHome(DEFAULT, jarFolder)).isEqualTo(distribution);
    }

    @Test
    void shouldKeepAnAbsoluteHomeAsConfigured(@TempDir Path somewhere) {
        Path configured = somewhere.resolve("es");

        assertThat(LocalNodeProperties.resolveHome(configured, somewhere)).isEqualTo(configured);
    }

    @Test
    void shouldKeepTheRelativeHomeWhenNothingBesideTheJarHasIt(@TempDir Path empty) {
        assertThat(LocalNodeProperties.resolveHome(Path.of("no/such/folder"), empty))
                .isEqualTo(Path.of("no/such/folder"));
    }
}
