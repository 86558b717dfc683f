package org.clipfile.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.enrich.ner.Mention;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Variants of a name mapped to one canonical entity with a stable id and type. Seeded from
 * {@code enrich/aliases.json}; {@link #add}, {@link #replace} and {@link #remove} change it at run time (the hook
 * for an editor API). Reads are lock-free on an immutable snapshot; writers build a new snapshot one at a time, so
 * an article is always resolved against one consistent version.
 */
public final class AliasRegistry {
    private static final Logger log = LoggerFactory.getLogger(AliasRegistry.class);
    public static final String DEFAULT_RESOURCE = "/enrich/aliases.json";

    private volatile Snapshot snapshot;

    private AliasRegistry(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    public static AliasRegistry of(Collection<CanonicalEntity> entities) {
        return new AliasRegistry(Snapshot.of(entities));
    }

    /** The registry seeded from the project's {@code enrich/aliases.json}. */
    public static AliasRegistry loadDefault() {
        try (InputStream in = AliasRegistry.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the JSON format of {@code enrich/aliases.json}: {@code {"entities": [{"id", "type", "name", "aliases"}]}}. */
    public static AliasRegistry load(InputStream json) {
        AliasFile file = JsonMapper.shared().readValue(json, AliasFile.class);
        List<CanonicalEntity> entities = new ArrayList<>();
        for (AliasFile.Entry entry : file.entities()) {
            EntityType type = EntityType.valueOf(entry.type().toUpperCase(Locale.ROOT));
            entities.add(new CanonicalEntity(entry.id(), type, entry.name(), entry.aliases()));
        }
        AliasRegistry registry = of(entities);
        log.info("Alias registry: {} entities", entities.size());
        return registry;
    }

    /** The file format; "about" carries the file's own documentation. */
    record AliasFile(@Nullable String about, List<Entry> entities) {
        record Entry(String id, String type, String name, @Nullable List<String> aliases) {}
    }

    public Optional<CanonicalEntity> findById(String id) {
        return Optional.ofNullable(snapshot.byId.get(id));
    }

    /** The entity one of whose names has the same {@link NameKeys#key key} as this name. */
    public Optional<CanonicalEntity> findByName(String name) {
        return Optional.ofNullable(snapshot.byKey.get(NameKeys.key(name)));
    }

    public List<CanonicalEntity> entities() {
        return List.copyOf(snapshot.byId.values());
    }

    /** Adds a new entity; fails when its id exists or one of its names already means another entity. */
    public synchronized void add(CanonicalEntity entity) {
        if (snapshot.byId.containsKey(entity.id())) {
            throw new IllegalArgumentException("Entity " + entity.id() + " exists already");
        }
        Map<String, CanonicalEntity> next = new LinkedHashMap<>(snapshot.byId);
        next.put(entity.id(), entity);
        snapshot = Snapshot.of(next.values());
    }

    /** Replaces an entity with the same id (its name, type or aliases changed). */
    public synchronized void replace(CanonicalEntity entity) {
        if (!snapshot.byId.containsKey(entity.id())) {
            throw new IllegalArgumentException("No entity " + entity.id() + " to replace");
        }
        Map<String, CanonicalEntity> next = new LinkedHashMap<>(snapshot.byId);
        next.put(entity.id(), entity);
        snapshot = Snapshot.of(next.values());
    }

    public synchronized boolean remove(String id) {
        if (!snapshot.byId.containsKey(id)) {
            return false;
        }
        Map<String, CanonicalEntity> next = new LinkedHashMap<>(snapshot.byId);
        next.remove(id);
        snapshot = Snapshot.of(next.values());
        return true;
    }

    /**
     * The dictionary pass: every occurrence in the text of a registry name or alias that the recognizer may miss
     * ("HTS" is not tagged by the 3-class model). Matched case-sensitively, word for word, on word boundaries;
     * only names of three characters or more that start with a capital are looked for, so "IS" (Iceland's code,
     * and a verb in headlines) is never matched blindly. Mentions have the entity's type; longest match wins.
     */
    public List<Mention> findMentions(String text) {
        Snapshot current = snapshot;
        List<Word> words = Word.split(text);
        List<Mention> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            List<ScanName> candidates = current.scanByFirstWord.get(words.get(i).text(text));
            if (candidates == null) {
                continue;
            }
            for (ScanName candidate : candidates) {
                int last = i + candidate.words.size() - 1;
                if (last < words.size() && candidate.matches(text, words, i)) {
                    int begin = words.get(i).begin;
                    int end = words.get(last).end;
                    found.add(new Mention(text.substring(begin, end), candidate.entity.type().mentionType(), begin, end));
                    i = last;
                    break;
                }
            }
        }
        return found;
    }

    private record Word(int begin, int end) {
        String text(String source) {
            return source.substring(begin, end);
        }

        static List<Word> split(String text) {
            List<Word> words = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                int begin = i;
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                if (i > begin) {
                    words.add(new Word(begin, i));
                }
            }
            return words;
        }
    }

    private record ScanName(List<String> words, CanonicalEntity entity) {
        boolean matches(String text, List<Word> textWords, int from) {
            for (int j = 0; j < words.size(); j++) {
                if (!textWords.get(from + j).text(text).equals(words.get(j))) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Snapshot(
            Map<String, CanonicalEntity> byId,
            Map<String, CanonicalEntity> byKey,
            Map<String, List<ScanName>> scanByFirstWord) {

        static Snapshot of(Collection<CanonicalEntity> entities) {
            Map<String, CanonicalEntity> byId = new LinkedHashMap<>();
            Map<String, CanonicalEntity> byKey = new HashMap<>();
            Map<String, List<ScanName>> scan = new HashMap<>();
            for (CanonicalEntity entity : entities) {
                if (byId.putIfAbsent(entity.id(), entity) != null) {
                    throw new IllegalArgumentException("Entity " + entity.id() + " is listed twice");
                }
                for (String name : entity.names()) {
                    String key = NameKeys.key(name);
                    if (key.isEmpty()) {
                        throw new IllegalArgumentException("Entity " + entity.id() + " has an empty alias '" + name + "'");
                    }
                    CanonicalEntity previous = byKey.putIfAbsent(key, entity);
                    if (previous != null && !previous.id().equals(entity.id())) {
                        throw new IllegalArgumentException("'" + name + "' of " + entity.id()
                                + " already means " + previous.id());
                    }
                    if (name.length() >= 3 && Character.isUpperCase(name.charAt(0))) {
                        List<String> words = Word.split(name).stream().map(w -> w.text(name)).toList();
                        scan.computeIfAbsent(words.getFirst(), w -> new ArrayList<>()).add(new ScanName(words, entity));
                    }
                }
            }
            for (List<ScanName> names : scan.values()) {
                names.sort(Comparator.comparingInt((ScanName n) -> n.words.size()).reversed());
            }
            return new Snapshot(Collections.unmodifiableMap(byId), Map.copyOf(byKey), Map.copyOf(scan));
        }
    }
}
