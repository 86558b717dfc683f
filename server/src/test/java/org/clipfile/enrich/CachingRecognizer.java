package org.clipfile.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clipfile.enrich.ner.EntityRecognizer;
import org.clipfile.enrich.ner.Mention;
import org.clipfile.enrich.ner.MentionType;

/**
 * An evaluation aid: the recognizer's mentions per text (by SHA-256 of the text) kept in a file, so that the steps
 * after recognition can be measured over a whole corpus again in seconds. Texts not in the file go to the real
 * recognizer and are appended.
 */
final class CachingRecognizer implements EntityRecognizer {
    private final EntityRecognizer delegate;
    private final Path file;
    private final Map<String, List<Mention>> cache = new ConcurrentHashMap<>();

    CachingRecognizer(EntityRecognizer delegate, Path file) {
        this.delegate = delegate;
        this.file = file;
        if (Files.exists(file)) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] parts = line.split("\t", -1);
                    List<Mention> mentions = new ArrayList<>();
                    for (int i = 1; i + 2 < parts.length; i += 3) {
                        mentions.add(new Mention("", MentionType.valueOf(parts[i]), Integer.parseInt(parts[i + 1]),
                                Integer.parseInt(parts[i + 2])));
                    }
                    cache.put(parts[0], mentions);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    int size() {
        return cache.size();
    }

    @Override
    public List<Mention> recognize(String text) {
        String key = sha256(text);
        List<Mention> cached = cache.get(key);
        if (cached != null) {
            return cached.stream().map(m -> new Mention(text.substring(m.begin(), m.end()), m.type(), m.begin(),
                    m.end())).toList();
        }
        List<Mention> mentions = delegate.recognize(text);
        cache.put(key, mentions);
        StringBuilder line = new StringBuilder(key);
        for (Mention m : mentions) {
            line.append('\t').append(m.type()).append('\t').append(m.begin()).append('\t').append(m.end());
        }
        synchronized (this) {
            try (Writer out = new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), StandardCharsets.UTF_8)) {
                out.write(line.append('\n').toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mentions;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
