package org.clipfile.enrich.ner;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFLabel;
import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import edu.stanford.nlp.util.Index;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * CoreNLP's 3-class CRF read once into flat tables: the weights of the node features (one per label) and of the edge
 * features (one per pair of labels), the feature names with their rows, the word-cluster lexicon, the known lower-case
 * words and the word function. The deserialized classifier is not kept: these tables take about half its heap.
 * Only the settings this model was trained with are supported; any other setting makes
 * loading fail rather than answer differently from CoreNLP.
 */
final class CrfModel {
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

    static CrfModel load(String resource) {
        try {
            return new CrfModel(CRFClassifier.getClassifier(resource));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the CRF model " + resource, e);
        }
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
