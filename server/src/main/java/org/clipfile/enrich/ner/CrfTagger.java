package org.clipfile.enrich.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels the tokens of a sentence with the CRF model: the features CoreNLP's NER feature factory builds for this
 * model, as integer rows of the weight tables, then Viterbi over the labels. Not thread-safe: one tagger per thread at
 * a time (the recognizer keeps a pool). What depends on one word form alone is computed once per form; features
 * combining two or three neighbours are looked up by the integer ids of their parts, and only a combination never seen
 * before builds its feature name to find its row.
 *
 * <p>The templates (names as in the model): the word, its prefixes and suffixes up to 6 characters with {@code <} and
 * {@code >} marks, its shape, its word cluster, the previous and next words, shapes and clusters, shape pairs and
 * triples, word-shape pairs, the word two to the left (right) when the previous (next) word has at most 3 characters,
 * the words up to 5 positions either side (without their distance), whether a name-cased word occurs again in the
 * sentence, and for label pairs: the word, the word pair, the previous word, clusters and shapes of both.
 */
final class CrfTagger {
    /** Word forms kept before the caches are emptied (keeps every id below 2^19 and memory bounded). */
    static final int MAX_WORDS = 100_000;
    private final int maxWords;
    private static final int DISJUNCTION_WIDTH = 5;
    private static final int OCCURRENCE_REACH = 150;

    private enum Combo {
        PW_CTYPE, NW_CTYPE, PCTYPE, CNTYPE, PCNTYPE, PPW_CTYPE, NNW_CTYPE, PSEQW2, PSEQPCDS, TYPES
    }

    /** One word form and every feature row that depends on it alone. */
    private static final class Word {
        final String text;
        final int id;
        final String shape;
        final int shapeId;
        final String cluster;
        final int clusterId;
        final int[] own;
        final int prevWord;
        final int prevCluster;
        final int nextWord;
        final int nextCluster;
        final int prevShape;
        final int nextShape;
        final int disjunctNext;
        final int disjunctPrev;
        final int[] edgeOwn;
        final int[] edgeAsPrevious;
        final int edgeAsNext;
        final boolean nameCase;
        final boolean lettersNoUpperCase;
        final boolean hasLetter;

        Word(CrfTagger tagger, String text, String shape, String cluster, boolean pad) {
            CrfModel m = tagger.model;
            this.text = text;
            this.id = tagger.idOf(tagger.wordIds, text);
            this.shape = shape;
            this.shapeId = tagger.idOf(tagger.shapeIds, shape);
            this.cluster = cluster;
            this.clusterId = tagger.idOf(tagger.clusterIds, cluster);
            List<String> ownNames = new ArrayList<>();
            ownNames.add(cluster + "-DISTSIM");
            ownNames.add(text + "-WORD");
            ownNames.add(shape + "-TYPE");
            String marked = '<' + text + '>';
            int length = marked.length();
            for (int j = 2; j <= Math.min(6, length); j++) {
                ownNames.add('#' + marked.substring(0, j) + '#');
            }
            for (int i = Math.max(0, length - 6); i < length - 1; i++) {
                ownNames.add('#' + marked.substring(i) + '#');
            }
            this.own = ownNames.stream().mapToInt(m::nodeRow).filter(r -> r >= 0).toArray();
            // The padding token has no cluster or shape: CoreNLP writes "null" where it reads them without a default.
            this.prevWord = m.nodeRow(text + "-PW");
            this.prevCluster = m.nodeRow((pad ? "null" : cluster) + "-PDISTSIM");
            this.nextWord = m.nodeRow(text + "-NW");
            this.nextCluster = m.nodeRow((pad ? "null" : cluster) + "-NDISTSIM");
            this.prevShape = m.nodeRow(shape + "-PTYPE");
            this.nextShape = m.nodeRow(shape + "-NTYPE");
            this.disjunctNext = m.nodeRow(text + "-DISJN");
            this.disjunctPrev = m.nodeRow(text + "-DISJP");
            this.edgeOwn = Arrays.stream(new String[] {text + "-PSEQW", cluster + "-PSEQcDS", shape + "-PSEQcS",
                    shape + "-TPS2"}).mapToInt(m::edgeRow).filter(r -> r >= 0).toArray();
            this.edgeAsPrevious = Arrays.stream(new String[] {text + "-PSEQpW", cluster + "-PSEQpDS",
                    shape + "-PSEQpS"}).mapToInt(m::edgeRow).filter(r -> r >= 0).toArray();
            this.edgeAsNext = m.edgeRow((pad ? "null" : shape) + "-TNS1");
            this.nameCase = isNameCase(text);
            this.lettersNoUpperCase = !text.isEmpty() && noUpperCase(text) && hasLetter(text);
            this.hasLetter = hasLetter(text);
        }
    }

    private final CrfModel model;
    private final Map<String, Word> words = new HashMap<>();
    private final Map<String, Integer> wordIds = new HashMap<>();
    private final Map<String, Integer> shapeIds = new HashMap<>();
    private final Map<String, Integer> clusterIds = new HashMap<>();
    private final ComboCache combos = new ComboCache();
    private Word pad;
    private final int classFeature;
    private final int noOccurrence;
    private final int nextOccurrence;
    private final int previousOccurrence;
    private final int sequence;
    private int[] rows = new int[128];

    CrfTagger(CrfModel model) {
        this(model, MAX_WORDS);
    }

    CrfTagger(CrfModel model, int maxWords) {
        if (maxWords < 1 || maxWords > MAX_WORDS) {
            throw new IllegalArgumentException("maxWords must be within 1.." + MAX_WORDS);
        }
        this.model = model;
        this.maxWords = maxWords;
        this.classFeature = model.nodeRow("###");
        this.noOccurrence = model.nodeRow("NO-OCCURRENCE-PATTERN");
        this.nextOccurrence = model.nodeRow("X-NEXT-OCCURRENCE-X");
        this.previousOccurrence = model.nodeRow("X-PREV-OCCURRENCE-X");
        this.sequence = model.edgeRow("PSEQ");
        reset();
    }

    private void reset() {
        words.clear();
        wordIds.clear();
        shapeIds.clear();
        clusterIds.clear();
        combos.clear();
        pad = new Word(this, model.normalize(""), "", "", true);
    }

    /** Word forms cached now (tests). */
    int cachedWords() {
        return words.size();
    }

    private int idOf(Map<String, Integer> ids, String value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = ids.size();
            ids.put(value, id);
        }
        return id;
    }

    private Word word(String token) {
        Word word = words.get(token);
        if (word == null) {
            String text = model.normalize(token);
            word = new Word(this, text, model.shape(text), model.cluster(text), false);
            words.put(token, word);
        }
        return word;
    }

    /** The label index of every token of one sentence (see {@link CrfModel#classNames}). */
    int[] tag(List<String> tokens) {
        int n = tokens.size();
        if (n == 0) {
            return new int[0];
        }
        if (words.size() + n > maxWords) {
            reset(); // before the sentence, so that all its words have ids from the same caches
        }
        Word[] sentence = new Word[n];
        for (int i = 0; i < n; i++) {
            sentence[i] = word(tokens.get(i));
        }
        int c = model.classes;
        double[] node = new double[n * c];
        double[] edge = new double[n * c * c];
        for (int loc = 0; loc < n; loc++) {
            int count = nodeFeatures(sentence, loc);
            sumUnique(count, model.nodeWeights, c, node, loc * c);
            count = edgeFeatures(sentence, loc);
            sumUnique(count, model.edgeWeights, c * c, edge, loc * c * c);
        }
        return viterbi(n, node, edge);
    }

    /** Node features of a token as rows in {@link #rows}; returns their number (with repeats). */
    private int nodeFeatures(Word[] s, int loc) {
        Word c = s[loc];
        Word p = at(s, loc - 1);
        Word n = at(s, loc + 1);
        int k = 0;
        ensure(c.own.length + 40);
        for (int row : c.own) {
            rows[k++] = row;
        }
        rows[k++] = classFeature;
        rows[k++] = p.prevWord;
        rows[k++] = p.prevCluster;
        rows[k++] = n.nextWord;
        rows[k++] = n.nextCluster;
        rows[k++] = p.prevShape;
        rows[k++] = n.nextShape;
        rows[k++] = combo(Combo.PW_CTYPE, p, c, null);
        rows[k++] = combo(Combo.NW_CTYPE, c, n, null);
        rows[k++] = combo(Combo.PCTYPE, p, c, null);
        rows[k++] = combo(Combo.CNTYPE, c, n, null);
        rows[k++] = combo(Combo.PCNTYPE, p, c, n);
        if (p.text.length() <= 3) {
            rows[k++] = combo(Combo.PPW_CTYPE, at(s, loc - 2), c, null);
        }
        if (n.text.length() <= 3) {
            rows[k++] = combo(Combo.NNW_CTYPE, at(s, loc + 2), c, null);
        }
        // A name-cased word between a word with letters and a lower-case word: does it occur again in the sentence?
        if (c.nameCase && n.lettersNoUpperCase && p.hasLetter && loc > 0) {
            for (int j = loc + 3; j < Math.min(s.length, loc + OCCURRENCE_REACH); j++) {
                if (s[j].id == c.id) {
                    rows[k++] = nextOccurrence;
                    break;
                }
            }
            for (int j = loc - 3; j > Math.max(-1, loc - OCCURRENCE_REACH); j--) {
                if (s[j].id == c.id) {
                    rows[k++] = previousOccurrence;
                    break;
                }
            }
        } else {
            rows[k++] = noOccurrence;
        }
        for (int i = 1; i <= DISJUNCTION_WIDTH; i++) {
            rows[k++] = at(s, loc + i).disjunctNext;
            rows[k++] = at(s, loc - i).disjunctPrev;
        }
        return k;
    }

    private int edgeFeatures(Word[] s, int loc) {
        Word c = s[loc];
        Word p = at(s, loc - 1);
        Word n = at(s, loc + 1);
        int k = 0;
        rows[k++] = sequence;
        for (int row : c.edgeOwn) {
            rows[k++] = row;
        }
        for (int row : p.edgeAsPrevious) {
            rows[k++] = row;
        }
        rows[k++] = n.edgeAsNext;
        rows[k++] = combo(Combo.PSEQW2, p, c, null);
        rows[k++] = combo(Combo.PSEQPCDS, p, c, null);
        rows[k++] = combo(Combo.TYPES, p, c, null);
        return k;
    }

    private Word at(Word[] s, int i) {
        return i < 0 || i >= s.length ? pad : s[i];
    }

    private void ensure(int size) {
        if (rows.length < size) {
            rows = new int[Math.max(size, rows.length * 2)];
        }
    }

    /**
     * Adds the weights of the distinct rows among the first {@code count} (CoreNLP collects a token's features in
     * a set, so a feature named twice counts once); rows of -1 are features the model does not know.
     */
    private void sumUnique(int count, float[] weights, int width, double[] scores, int offset) {
        Arrays.sort(rows, 0, count);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (row < 0 || row == previous) {
                continue;
            }
            previous = row;
            int base = row * width;
            for (int y = 0; y < width; y++) {
                scores[offset + y] += weights[base + y];
            }
        }
    }

    private int combo(Combo combo, Word a, Word b, Word c) {
        long key = switch (combo) {
            case PW_CTYPE, PPW_CTYPE, NNW_CTYPE -> key(combo, a.id, b.shapeId, 0);
            case NW_CTYPE -> key(combo, a.shapeId, b.id, 0);
            case PCTYPE, CNTYPE, TYPES -> key(combo, a.shapeId, b.shapeId, 0);
            case PCNTYPE -> key(combo, a.shapeId, b.shapeId, c.shapeId);
            case PSEQW2 -> key(combo, a.id, b.id, 0);
            case PSEQPCDS -> key(combo, a.clusterId, b.clusterId, 0);
        };
        // Ids fit 19 bits unless one sentence alone has more distinct words than that: then no caching.
        boolean cacheable = key != NOT_CACHEABLE;
        int row = cacheable ? combos.get(key) : ComboCache.MISSING;
        if (row == ComboCache.MISSING) {
            row = switch (combo) {
                case PW_CTYPE -> model.nodeRow(a.text + "..." + b.shape + "-PW_CTYPE");
                case PPW_CTYPE -> model.nodeRow(a.text + "..." + b.shape + "-PPW_CTYPE");
                case NNW_CTYPE -> model.nodeRow(a.text + "..." + b.shape + "-NNW_CTYPE");
                case NW_CTYPE -> model.nodeRow(a.shape + "..." + b.text + "-NW_CTYPE");
                case PCTYPE -> model.nodeRow(a.shape + "..." + b.shape + "-PCTYPE");
                case CNTYPE -> model.nodeRow(a.shape + "..." + b.shape + "-CNTYPE");
                case PCNTYPE -> model.nodeRow(a.shape + "..." + b.shape + "..." + c.shape + "-PCNTYPE");
                case PSEQW2 -> model.edgeRow(a.text + '-' + b.text + "-PSEQW2");
                case PSEQPCDS -> model.edgeRow(a.cluster + '-' + b.cluster + "-PSEQpcDS");
                case TYPES -> model.edgeRow(a.shape + '-' + b.shape + "-TYPES");
            };
            if (cacheable) {
                combos.put(key, row);
            }
        }
        return row;
    }

    private static final long NOT_CACHEABLE = -1;

    private static long key(Combo combo, int x, int y, int z) {
        if (((x | y | z) >>> 19) != 0) {
            return NOT_CACHEABLE;
        }
        return ((long) (combo.ordinal() + 1) << 57) | ((long) x << 38) | ((long) y << 19) | z;
    }

    /** The best label sequence; before the sentence the label is the background ("O"), as in CoreNLP. */
    private int[] viterbi(int n, double[] node, double[] edge) {
        int c = model.classes;
        double[] best = new double[n * c];
        int[] from = new int[n * c];
        for (int y = 0; y < c; y++) {
            best[y] = edge[model.background * c + y] + node[y];
        }
        for (int t = 1; t < n; t++) {
            for (int y = 0; y < c; y++) {
                double max = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < c; p++) {
                    double score = best[(t - 1) * c + p] + edge[t * c * c + p * c + y];
                    if (score > max) {
                        max = score;
                        arg = p;
                    }
                }
                best[t * c + y] = max + node[t * c + y];
                from[t * c + y] = arg;
            }
        }
        int[] labels = new int[n];
        int last = 0;
        for (int y = 1; y < c; y++) {
            if (best[(n - 1) * c + y] > best[(n - 1) * c + last]) {
                last = y;
            }
        }
        labels[n - 1] = last;
        for (int t = n - 1; t > 0; t--) {
            labels[t - 1] = from[t * c + labels[t]];
        }
        return labels;
    }

    static boolean isNameCase(String s) {
        if (s.length() < 2 || !(Character.isUpperCase(s.charAt(0)) || Character.isTitleCase(s.charAt(0)))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean noUpperCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Open addressing from a combination key to its row; emptied when three quarters full. */
    private static final class ComboCache {
        static final int MISSING = Integer.MIN_VALUE;
        private static final int MAX_CAPACITY = 1 << 21;
        private long[] keys = new long[1 << 14];
        private int[] values = new int[1 << 14];
        private int size;

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key) {
                    return values[i];
                }
                if (k == 0) {
                    return MISSING;
                }
            }
        }

        void put(long key, int value) {
            if (4 * (size + 1) > 3 * keys.length) {
                if (keys.length < MAX_CAPACITY) {
                    grow();
                } else {
                    clear();
                }
            }
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        void clear() {
            Arrays.fill(keys, 0);
            size = 0;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }
    }
}
