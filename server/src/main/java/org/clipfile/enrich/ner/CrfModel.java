package org.clipfile.enrich.ner;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFLabel;
import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import edu.stanford.nlp.util.Index;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLConnection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoreNLP's 3-class CRF read once into flat tables: the weights of the node features (one per label) and of the edge
 * features (one per pair of labels), the feature names with their rows, the word-cluster lexicon, the known lower-case
 * words and the word function. The deserialized classifier is not kept: these tables take about half its heap.
 * Only the settings this model was trained with are supported; any other setting makes
 * loading fail rather than answer differently from CoreNLP.
 *
 * <p>The build writes these tables to a file of their own ({@link #TABLES}, by {@link CrfTables}), which loads in
 * a fraction of the time CoreNLP takes to deserialize its classifier; the file names the byte length of the model it
 * was made from, and a file that does not match the model on the class path, or cannot be read, is ignored (with a
 * warning) in favour of the model itself.
 */
final class CrfModel {
    private static final Logger log = LoggerFactory.getLogger(CrfModel.class);
    /** The tables of {@link CoreNlpEntityRecognizer#MODEL}, written at build time. */
    static final String TABLES = "org/clipfile/enrich/ner/english.all.3class.distsim.crf.tables";
    /** "CRF1": the format of the tables file; another value is another format. */
    private static final int FORMAT = 0x43524631;
    final int classes;
    final int background;
    final String[] classNames;
    /** Node weights: {@code nodeWeights[row * classes + label]}. */
    final float[] nodeWeights;
    /** Edge weights: {@code edgeWeights[row * classes * classes + previous * classes + label]}. */
    final float[] edgeWeights;
    /** Feature name ("...|C" or "...|CpC") to its row in {@link #nodeWeights} or {@link #edgeWeights}. */
    private final CompactStringMap rows;
    /** Lower-cased word, digits as in the lexicon, to its cluster in {@link #clusters}. */
    private final CompactStringMap distSim;
    private final String[] clusters;
    private final String unknownDistSim;
    private final Set<String> knownLowerCaseWords;
    private final Function<String, String> wordFunction;
    private final int wordShape;

    private CrfModel(String[] classNames, int background, float[] nodeWeights, float[] edgeWeights,
            CompactStringMap rows, CompactStringMap distSim, String[] clusters, String unknownDistSim,
            Set<String> knownLowerCaseWords, Function<String, String> wordFunction, int wordShape) {
        this.classNames = classNames;
        this.classes = classNames.length;
        this.background = background;
        this.nodeWeights = nodeWeights;
        this.edgeWeights = edgeWeights;
        this.rows = rows;
        this.distSim = distSim;
        this.clusters = clusters;
        this.unknownDistSim = unknownDistSim;
        this.knownLowerCaseWords = knownLowerCaseWords;
        this.wordFunction = wordFunction;
        this.wordShape = wordShape;
    }

    private CrfModel(CRFClassifier<?> crf) throws ReflectiveOperationException {
        SeqClassifierFlags flags = crf.flags;
        checkSupported(flags, crf.windowSize());
        this.classNames = crf.classIndex.objectsList().toArray(String[]::new);
        this.classes = classNames.length;
        this.background = crf.classIndex.indexOf(flags.backgroundSymbol);
        @SuppressWarnings("unchecked")
        List<Index<CRFLabel>> labelIndices =
                (List<Index<CRFLabel>>) field(CRFClassifier.class, "labelIndices").get(crf);
        float[][] weights = (float[][]) field(CRFClassifier.class, "weights").get(crf);
        @SuppressWarnings("unchecked")
        Index<String> features = (Index<String>) field(CRFClassifier.class, "featureIndex").get(crf);
        Index<CRFLabel> nodeLabels = labelIndices.get(0);
        Index<CRFLabel> edgeLabels = labelIndices.get(1);
        int nodeRows = 0;
        int edgeRows = 0;
        for (float[] row : weights) {
            if (row.length == nodeLabels.size()) {
                nodeRows++;
            } else if (row.length == edgeLabels.size()) {
                edgeRows++;
            } else {
                throw new IllegalStateException("A feature with " + row.length + " weights");
            }
        }
        this.nodeWeights = new float[nodeRows * classes];
        this.edgeWeights = new float[edgeRows * classes * classes];
        CompactStringMap.Builder names = new CompactStringMap.Builder();
        int node = 0;
        int edge = 0;
        for (int f = 0; f < weights.length; f++) {
            float[] row = weights[f];
            if (row.length == nodeLabels.size()) {
                for (int k = 0; k < row.length; k++) {
                    nodeWeights[node * classes + nodeLabels.get(k).getLabel()[0]] = row[k];
                }
                names.put(features.get(f), node++);
            } else {
                for (int k = 0; k < row.length; k++) {
                    int[] pair = edgeLabels.get(k).getLabel();
                    edgeWeights[edge * classes * classes + pair[0] * classes + pair[1]] = row[k];
                }
                names.put(features.get(f), edge++);
            }
        }
        this.rows = names.build();
        Object featureFactory = crf.featureFactories.get(0);
        @SuppressWarnings("unchecked")
        Map<String, String> lexicon =
                (Map<String, String>) field(featureFactory.getClass(), "lexicon").get(featureFactory);
        Map<String, Integer> clusterIds = new HashMap<>();
        CompactStringMap.Builder words = new CompactStringMap.Builder();
        lexicon.forEach((word, cluster) ->
                words.put(word, clusterIds.computeIfAbsent(cluster, c -> clusterIds.size())));
        this.distSim = words.build();
        this.clusters = new String[clusterIds.size()];
        clusterIds.forEach((cluster, id) -> clusters[id] = cluster);
        this.unknownDistSim = flags.unknownWordDistSimClass;
        @SuppressWarnings("unchecked")
        Set<String> known = (Set<String>) field(AbstractSequenceClassifier.class, "knownLCWords").get(crf);
        this.knownLowerCaseWords = known;
        this.wordFunction = flags.wordFunction;
        this.wordShape = flags.wordShape;
    }

    /**
     * The model's tables: read from {@link #TABLES} when that file was made from this model, else built from CoreNLP's
     * classifier.
     */
    static CrfModel load(String resource) {
        ClassLoader loader = CrfModel.class.getClassLoader();
        URL model = loader.getResource(resource);
        URL tables = loader.getResource(TABLES);
        if (model != null && tables != null) {
            try (InputStream in = tables.openStream()) {
                CrfModel read = read(in, length(model));
                if (read != null) {
                    return read;
                }
                log.warn("{} was made from another model than {}: reading the model instead (slower)", TABLES,
                        resource);
            } catch (IOException | RuntimeException e) {
                log.warn("Cannot read {} ({}): reading the model {} instead (slower)", TABLES, e.toString(), resource);
            }
        }
        return fromClassifier(resource);
    }

    /** The tables built from CoreNLP's own deserialized classifier. */
    static CrfModel fromClassifier(String resource) {
        try {
            return new CrfModel(CRFClassifier.getClassifier(resource));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the CRF model " + resource, e);
        }
    }

    /** The byte length of a resource (from the jar's directory when packed), or -1 when it cannot be told. */
    static long length(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        connection.setUseCaches(false);
        long length = connection.getContentLengthLong();
        try (InputStream ignored = connection.getInputStream()) {
            return length; // the stream is opened only to be closed: a jar connection keeps its file open otherwise
        }
    }

    /** Writes the tables, with the byte length of the model they come from. */
    void writeTo(OutputStream stream, long modelLength) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        out.writeInt(FORMAT);
        out.writeLong(modelLength);
        TableFile.writeStrings(out, classNames);
        out.writeInt(background);
        TableFile.writeFloats(out, nodeWeights);
        TableFile.writeFloats(out, edgeWeights);
        rows.writeTo(out);
        distSim.writeTo(out);
        TableFile.writeStrings(out, clusters);
        TableFile.writeStrings(out, new String[] {unknownDistSim, wordFunction.getClass().getName()});
        TableFile.writeStrings(out, knownLowerCaseWords.toArray(String[]::new));
        out.writeInt(wordShape);
        out.flush();
    }

    /**
     * Tables written by {@link #writeTo}, or null when they were made from a model of another length. A file that is
     * not such tables fails with an {@link IOException}.
     */
    static @Nullable CrfModel read(InputStream stream, long modelLength) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        if (in.readInt() != FORMAT) {
            throw new IOException("Not a tables file of this format");
        }
        if (in.readLong() != modelLength || modelLength < 0) {
            return null;
        }
        String[] classNames = TableFile.readStrings(in);
        int background = in.readInt();
        float[] nodeWeights = TableFile.readFloats(in);
        float[] edgeWeights = TableFile.readFloats(in);
        CompactStringMap rows = CompactStringMap.readFrom(in);
        CompactStringMap distSim = CompactStringMap.readFrom(in);
        String[] clusters = TableFile.readStrings(in);
        String[] names = TableFile.readStrings(in);
        Set<String> known = new HashSet<>(Arrays.asList(TableFile.readStrings(in)));
        int wordShape = in.readInt();
        int classes = classNames.length;
        if (names.length != 2 || classes < 2 || background < 0 || background >= classes
                || nodeWeights.length % classes != 0 || edgeWeights.length % (classes * classes) != 0
                || rows.maxValue() >= Math.max(nodeWeights.length / classes, edgeWeights.length / (classes * classes))
                || distSim.maxValue() >= clusters.length || in.read() != -1) {
            throw new IOException("Inconsistent tables");
        }
        return new CrfModel(classNames, background, nodeWeights, edgeWeights, rows, distSim, clusters, names[0],
                known, wordFunction(names[1]), wordShape);
    }

    /** CoreNLP's word function by its class name; only CoreNLP's own functions, made as CoreNLP makes them. */
    private static Function<String, String> wordFunction(String className) throws IOException {
        if (!className.startsWith("edu.stanford.nlp.")) {
            throw new IOException("Not a CoreNLP word function: " + className);
        }
        try {
            Object function = Class.forName(className).getConstructor().newInstance();
            if (!(function instanceof Function<?, ?>)) {
                throw new IOException("Not a function: " + className);
            }
            @SuppressWarnings("unchecked")
            Function<String, String> typed = (Function<String, String>) function;
            return typed;
        } catch (ReflectiveOperationException e) {
            throw new IOException("Cannot make the word function " + className, e);
        }
    }

    /** The same tables: what {@link CrfTables} checks after writing them, and the tests after reading them. */
    boolean sameAs(CrfModel other) {
        return Arrays.equals(classNames, other.classNames) && background == other.background
                && Arrays.equals(nodeWeights, other.nodeWeights) && Arrays.equals(edgeWeights, other.edgeWeights)
                && rows.sameEntries(other.rows) && distSim.sameEntries(other.distSim)
                && Arrays.equals(clusters, other.clusters) && unknownDistSim.equals(other.unknownDistSim)
                && knownLowerCaseWords.equals(other.knownLowerCaseWords)
                && wordFunction.getClass() == other.wordFunction.getClass() && wordShape == other.wordShape;
    }

    /** The settings our feature templates reproduce; loading another model fails here, not with other answers. */
    private static void checkSupported(SeqClassifierFlags f, int windowSize) {
        boolean supported = windowSize == 2 && f.useWord && f.useInternal && f.useExternal && f.useNGrams
                && f.noMidNGrams && f.maxNGramLeng == 6 && !f.lowercaseNGrams && !f.dehyphenateNGrams
                && !f.greekifyNGrams && f.usePrev && f.useNext && f.useSequences && f.usePrevSequences
                && !f.useNextSequences && !f.strictGoodCoNLL && f.useTypeSeqs && f.useTypeSeqs2 && !f.useTypeSeqs3
                && f.useTypeySequences && f.useDisjunctive && f.disjunctionWidth == 5
                && !f.useDisjunctiveShapeInteraction && f.useClassFeature && f.useLastRealWord && f.useNextRealWord
                && f.useOccurrencePatterns && !f.useReverse && f.useDistSim && !f.casedDistSim
                && f.numberEquivalenceDistSim && f.wordShape > WordShapeClassifier.NOWORDSHAPE && !f.useShapeStrings
                && !f.useTags && !f.useLC && !f.use2W && !f.useMoreTags && !f.useSymTags && !f.useOrdinal
                && !f.useTitle && !f.useTitle2 && !f.useGazettes && !f.useGazFeatures && !f.useMoreGazFeatures
                && !f.useWordPairs && !f.useSymWordPairs && !f.useNeighborNGrams && !f.useMoreNeighborNGrams
                && !f.useTaggySequences && !f.useExtraTaggySequences && !f.useYetMoreCpCShapes && !f.useParenMatching
                && !f.conjoinShapeNGrams && !f.useUndirectedDisjunctive && !f.useWideDisjunctive
                && !f.useEitherSideDisjunctive && !f.useDisjShape && !f.useBeginSent && !f.usePosition
                && !f.useUnknown && !f.useLemmas && !f.usePrevNextLemmas && !f.useEmbedding && !f.doGibbs
                && !f.normalizeTerms && !f.normalizeTimex && !f.mergeTags && !f.iobTags && !f.useIfInteger
                && !f.useGenericFeatures && !f.twoStage && f.featureFactories == null && f.splitWordRegex == null
                && f.binnedLengths == null && f.slashHyphenTreatment == SeqClassifierFlags.SlashHyphenEnum.NONE
                && f.labelDictionaryCutoff <= 0 && "Viterbi".equalsIgnoreCase(String.valueOf(f.inferenceType))
                && "MaxEnt".equalsIgnoreCase(f.crfType) && f.wordFunction != null;
        if (!supported) {
            throw new IllegalStateException("The CRF model uses settings the fast recognizer does not reproduce");
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    /** The row of a node feature ("...|C"), or -1 when the model does not know it. */
    int nodeRow(String feature) {
        return row(feature + "|C");
    }

    /** The row of an edge feature ("...|CpC"), or -1 when the model does not know it. */
    int edgeRow(String feature) {
        return row(feature + "|CpC");
    }

    private int row(String name) {
        return rows.get(name);
    }

    /** The word as the model's features see it (CoreNLP's word function, Americanization for this model). */
    String normalize(String token) {
        return wordFunction.apply(token);
    }

    String shape(String word) {
        return WordShapeClassifier.wordShape(word, wordShape, knownLowerCaseWords);
    }

    String cluster(String word) {
        // Lower-cased with the default locale, as the model's own lookup does.
        String key = WordShapeClassifier.wordShape(word.toLowerCase(), WordShapeClassifier.WORDSHAPEDIGITS);
        int cluster = distSim.get(key);
        return cluster < 0 ? unknownDistSim : clusters[cluster];
    }
}
