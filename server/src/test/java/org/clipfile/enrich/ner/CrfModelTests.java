package org.clipfile.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrfModelTests {
    private static CrfModel fromClassifier;
    private static long modelLength;
    private static byte[] tables;

    @BeforeAll
    static void readBoth() throws IOException {
        ClassLoader loader = CrfModelTests.class.getClassLoader();
        URL model = loader.getResource(CoreNlpEntityRecognizer.MODEL);
        URL tablesFile = loader.getResource(CrfModel.TABLES);
        assertThat(model).as("the model, unpacked by the build").isNotNull();
        assertThat(tablesFile).as("the tables, written by the build (process-classes)").isNotNull();
        modelLength = CrfModel.length(model);
        try (InputStream in = tablesFile.openStream()) {
            tables = in.readAllBytes();
        }
        fromClassifier = CrfModel.fromClassifier(CoreNlpEntityRecognizer.MODEL);
    }

    @Test
    void shouldReadFromTheBuildsTablesTheSameModelAsCoreNlpsClassifierGives() throws IOException {
        CrfModel read = CrfModel.read(new ByteArrayInputStream(tables), modelLength);

        assertThat(read).isNotNull();
        assertThat(read.sameAs(fromClassifier)).isTrue();
        assertThat(CrfModel.load(CoreNlpEntityRecognizer.MODEL).sameAs(fromClassifier)).isTrue();
        assertThat(read.cluster("Reagan")).isEqualTo(fromClassifier.cluster("Reagan"));
        assertThat(read.normalize("colour")).isEqualTo(fromClassifier.normalize("colour"));
        assertThat(read.shape("McDonald")).isEqualTo(fromClassifier.shape("McDonald"));
    }

    @Test
    void shouldTellTablesApartThatDifferInOneWeight() throws IOException {
        byte[] changed = tables.clone();
        changed[changed.length / 3] ^= 1; // somewhere in the weights
        CrfModel read = CrfModel.read(new ByteArrayInputStream(changed), modelLength);

        assertThat(read).isNotNull();
        assertThat(read.sameAs(fromClassifier)).isFalse();
    }

    @Test
    void shouldIgnoreTablesMadeFromAModelOfAnotherLength() throws IOException {
        assertThat(CrfModel.read(new ByteArrayInputStream(tables), modelLength + 1)).isNull();
        assertThat(CrfModel.read(new ByteArrayInputStream(tables), -1)).isNull();
    }

    @Test
    void shouldRefuseATruncatedOrForeignFile() {
        byte[] truncated = Arrays.copyOf(tables, tables.length / 2);
        byte[] longer = Arrays.copyOf(tables, tables.length + 1);
        byte[] foreign = "PK\u0003\u0004 not tables at all".getBytes();

        assertThatThrownBy(() -> CrfModel.read(new ByteArrayInputStream(truncated), modelLength))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> CrfModel.read(new ByteArrayInputStream(longer), modelLength))
                .isInstanceOf(IOException.class).hasMessageContaining("Inconsistent");
        assertThatThrownBy(() -> CrfModel.read(new ByteArrayInputStream(foreign), modelLength))
                .isInstanceOf(IOException.class).hasMessageContaining("format");
    }

    @Test
    void shouldRefuseAHugeLengthWithoutAllocatingIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(tables, 0, 12); // the format and the model's length
        out.writeInt(Integer.MAX_VALUE); // as many class names as an int can count
        out.flush();

        assertThatThrownBy(() -> CrfModel.read(new ByteArrayInputStream(bytes.toByteArray()), modelLength))
                .isInstanceOf(IOException.class).hasMessageContaining("A table of 2147483647 values");
    }
}
