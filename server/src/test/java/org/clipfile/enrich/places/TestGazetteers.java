package org.clipfile.enrich.places;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Gazetteers for tests: a small one written inline, and the real one loaded once per test JVM. */
public final class TestGazetteers {
    private static volatile Gazetteer real;

    private TestGazetteers() {}

    /** The shipped gazetteer, shared by all tests (it takes seconds to load). */
    public static Gazetteer real() {
        if (real == null) {
            synchronized (TestGazetteers.class) {
                if (real == null) {
                    real = Gazetteer.loadDefault();
                }
            }
        }
        return real;
    }

    /**
     * A gazetteer of the given lines in the shipped format, with "|" for tabs, and the shipped country names,
     * demonyms and areas (no place aliases: they name places of the shipped data):
     * {@code "P|geonames:1|Idlib|SY|12|35.93|36.63|128840|PPLA"}.
     */
    public static Gazetteer of(String... lines) {
        String tsv = String.join("\n", lines).replace('|', '\t');
        try (InputStream countries = Gazetteer.class.getResourceAsStream(Gazetteer.COUNTRIES_RESOURCE);
                InputStream areas = Gazetteer.class.getResourceAsStream(Gazetteer.AREAS_RESOURCE)) {
            return Gazetteer.load(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), countries, areas,
                    InputStream.nullInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
