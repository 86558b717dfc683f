package org.clipfile.enrich.ner;

import edu.stanford.nlp.coref.data.WordLists;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.clipfile.enrich.ner.LabeledToken.LabeledText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same people, organizations and places as {@link CoreNlpEntityRecognizer}, several times faster: CoreNLP's
 * tokenizer and sentence splitter, then the same 3-class CRF model run by Clipfile's own inference ({@link CrfTagger}:
 * integer features cached per word form, Viterbi), then mentions made as CoreNLP's entity-mention step makes them
 * (runs of tokens with the same label, then the pronouns CoreNLP adds as people). Thread-safe: each call borrows a
 * tagger from a pool (a new one when all are busy); a few are kept between calls, each with bounded caches.
 */
public final class FastEntityRecognizer implements EntityRecognizer {
    private static final Logger log = LoggerFactory.getLogger(FastEntityRecognizer.class);

    private final StanfordCoreNLP tokenizer;
    private final CrfModel model;
    /** Taggers kept for the next calls; more calls at once get new ones, dropped afterwards (bounded caches). */
    private static final int KEPT_TAGGERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final ConcurrentLinkedQueue<CrfTagger> taggers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();

    public FastEntityRecognizer() {
        if (FastEntityRecognizer.class.getClassLoader().getResource(CoreNlpEntityRecognizer.MODEL) == null) {
            throw new IllegalStateException(
                    CoreNlpEntityRecognizer.MODEL + " is not on the classpath: build with Maven, which unpacks it");
        }
        long start = System.nanoTime();
        this.tokenizer = new StanfordCoreNLP(tokenizerProperties());
        this.model = CrfModel.load(CoreNlpEntityRecognizer.MODEL);
        log.info("Fast 3-class NER (CoreNLP model, Clipfile inference) loaded in {} ms",
                (System.nanoTime() - start) / 1_000_000);
    }

    /** CoreNLP's tokenizer and sentence splitter with the settings of {@link CoreNlpEntityRecognizer}. */
    static Properties tokenizerProperties() {
        Properties properties = CoreNlpEntityRecognizer.properties();
        properties.setProperty("annotators", "tokenize,ssplit");
        return properties;
    }

    @Override
    public List<Mention> recognize(String text) {
        return text.isBlank() ? List.of() : labeled(text).mentions();
    }

    /** Every token with its label, and the mentions: compared with CoreNLP's by the tests. */
    LabeledText labeled(String text) {
        List<LabeledToken> labeled = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        CrfTagger tagger = borrow();
        try {
            int index = 0;
            for (CoreMap sentence : sentences(text)) {
                List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
                int[] labels = label(tagger, tokens);
                for (int i = 0; i < tokens.size(); i++) {
                    CoreLabel t = tokens.get(i);
                    labeled.add(new LabeledToken(index, t.word(), t.beginPosition(), t.endPosition(),
                            model.classNames[labels[i]]));
                }
                addMentions(text, tokens, labels, mentions);
                index++;
            }
        } finally {
            giveBack(tagger);
        }
        return new LabeledText(labeled, mentions);
    }

    /** CoreNLP's tokenizer and sentence splitter alone (measured apart by the benchmark). */
    List<CoreMap> sentences(String text) {
        Annotation document = new Annotation(text);
        tokenizer.annotate(document);
        List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        return sentences == null ? List.of() : sentences;
    }

    /** Labels of one sentence's words with a tagger of its own (tests of the caches). */
    int[] tag(CrfTagger tagger, List<String> words) {
        return tagger.tag(words);
    }

    CrfTagger newTagger(int maxWords) {
        return new CrfTagger(model, maxWords);
    }

    private CrfTagger borrow() {
        CrfTagger tagger = taggers.poll();
        if (tagger == null) {
            return new CrfTagger(model);
        }
        kept.decrementAndGet();
        return tagger;
    }

    private void giveBack(CrfTagger tagger) {
        if (kept.incrementAndGet() <= KEPT_TAGGERS) {
            taggers.add(tagger);
        } else {
            kept.decrementAndGet();
        }
    }

    /** Words CoreNLP's NER annotator does not join to a preceding hyphen ("Chicago-area", "Paris-based"). */
    private static final Set<String> KEPT_APART = Set.of("based", "area", "registered", "headquartered", "native",
            "born", "raised", "backed", "controlled", "owned", "resident", "trained", "educated");

    /**
     * The labels of a sentence's tokens. As CoreNLP's NER annotator does, tokens the tokenizer split at a hyphen are
     * joined again for the CRF ("al", "-", "Sham" become "al-Sham"), and each part takes the label of the whole.
     */
    private int[] label(CrfTagger tagger, List<CoreLabel> tokens) {
        List<String> joined = new ArrayList<>(tokens.size());
        int[] joinedIndex = new int[tokens.size()];
        String lastAfter = null;
        for (int i = 0; i < tokens.size(); i++) {
            CoreLabel token = tokens.get(i);
            String word = token.word();
            boolean join = false;
            if (!joined.isEmpty() && "".equals(lastAfter)) {
                if (word.equals("-")) {
                    join = i + 1 < tokens.size() && !KEPT_APART.contains(tokens.get(i + 1).word());
                } else {
                    join = joined.getLast().endsWith("-") && !KEPT_APART.contains(word);
                }
            }
            if (join) {
                joined.set(joined.size() - 1, joined.getLast() + word);
            } else {
                joined.add(word);
            }
            joinedIndex[i] = joined.size() - 1;
            lastAfter = token.containsKey(CoreAnnotations.AfterAnnotation.class) ? token.after() : null;
        }
        int[] joinedLabels = tagger.tag(joined);
        int[] labels = new int[tokens.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = joinedLabels[joinedIndex[i]];
        }
        return labels;
    }

    /**
     * Runs of tokens with the same label become one mention; then, as CoreNLP's entity-mention step does for
     * English, every pronoun it counts as a mention of a person is added after the sentence's names.
     */
    private void addMentions(String text, List<CoreLabel> tokens, int[] labels, List<Mention> mentions) {
        int i = 0;
        while (i < tokens.size()) {
            int label = labels[i];
            if (label == model.background) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && labels[j] == label) {
                j++;
            }
            MentionType type = CoreNlpEntityRecognizer.typeOf(model.classNames[label]);
            if (type != null) {
                int begin = tokens.get(i).beginPosition();
                int end = tokens.get(j - 1).endPosition();
                mentions.add(new Mention(text.substring(begin, end), type, begin, end));
            }
            i = j;
        }
        for (CoreLabel token : tokens) {
            if (WordLists.isKbpPronominalMention(token.word())) {
                int begin = token.beginPosition();
                int end = token.endPosition();
                mentions.add(new Mention(text.substring(begin, end), MentionType.PERSON, begin, end));
            }
        }
    }
}
