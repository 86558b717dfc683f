package org.clipfile.enrich.ner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link CrfModel#TABLES} at build time (the server module's {@code process-classes} phase): the tables built
 * from CoreNLP's classifier, read back and compared with it before the file is written, so a file that would answer
 * differently is never shipped. Usage: {@code CrfTables <output file>}.
 */
public final class CrfTables {
    private CrfTables() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: CrfTables <output file>");
        }
        URL model = CrfTables.class.getClassLoader().getResource(CoreNlpEntityRecognizer.MODEL);
        if (model == null) {
            throw new IllegalStateException(CoreNlpEntityRecognizer.MODEL + " is not on the class path");
        }
        long length = CrfModel.length(model);
        CrfModel built = CrfModel.fromClassifier(CoreNlpEntityRecognizer.MODEL);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 << 20);
        built.writeTo(bytes, length);
        CrfModel read = CrfModel.read(new ByteArrayInputStream(bytes.toByteArray()), length);
        if (read == null || !read.sameAs(built)) {
            throw new IllegalStateException("The tables read back differ from the model's");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (OutputStream stream = Files.newOutputStream(partial)) {
            bytes.writeTo(stream);
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("%s: %,d bytes from a model of %,d bytes%n", out, bytes.size(), length);
    }
}
