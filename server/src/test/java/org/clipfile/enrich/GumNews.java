package org.clipfile.enrich;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads GUM news documents from CoNLL-U ({@code dep/*.conllu}): the running text rebuilt from the tokens (paragraphs
 * separated by blank lines, as articles reach the enricher) and every entity mention of GUM's annotation layer
 * ({@code Entity=} in MISC: bracketed spans with id, type, and a Wikipedia identity when linked).
 */
final class GumNews {

    /** A token with its character span in the rebuilt text. */
    record Token(String form, String upos, int head, String deprel, int begin, int end) {}

    /**
     * A GUM mention: tokens {@code first..last} (inclusive, document-wide indices).
     *
     * @param entity GUM's entity id in the document (mentions of one entity share it)
     * @param type GUM's entity type: person, organization, place, abstract, event, object, ...
     */
    record GoldMention(String entity, String type, int first, int last) {}

    record Document(String name, String text, List<Token> tokens, List<GoldMention> mentions) {

        String text(GoldMention mention) {
            return text.substring(tokens.get(mention.first()).begin(), tokens.get(mention.last()).end());
        }

        /**
         * The name in a mention, as a token index, or -1 when the mention is not a name: the syntactic head when it
         * is a proper noun ("the US", "University of Sheffield"), else the last proper noun attached to the head as
         * {@code flat} ("team member Rodaba Noori", "Facebook creator Mark Zuckerberg": GUM heads these by the title).
         */
        int nameHead(GoldMention mention) {
            int head = head(mention);
            if (tokens.get(head).upos().equals("PROPN")) {
                return head;
            }
            int name = -1;
            for (int i = mention.first(); i <= mention.last(); i++) {
                Token token = tokens.get(i);
                if (token.head() == head && token.deprel().equals("flat") && token.upos().equals("PROPN")) {
                    name = i;
                }
            }
            return name;
        }

        /** The syntactic head of the mention: its token whose head lies outside the span. */
        int head(GoldMention mention) {
            for (int i = mention.first(); i <= mention.last(); i++) {
                int head = tokens.get(i).head();
                if (head < mention.first() || head > mention.last()) {
                    return i;
                }
            }
            return mention.last();
        }
    }

    private GumNews() {}

    static List<Document> read(Path depFolder) throws IOException {
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(depFolder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".conllu")).sorted().toList()) {
                documents.add(parse(file.getFileName().toString().replace(".conllu", ""),
                        Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        }
        return documents;
    }

    static Document parse(String name, List<String> lines) {
        StringBuilder text = new StringBuilder();
        List<Token> tokens = new ArrayList<>();
        List<GoldMention> mentions = new ArrayList<>();
        Map<String, Deque<Integer>> open = new HashMap<>();
        Map<String, Deque<String>> openTypes = new HashMap<>();
        boolean newParagraph = true;
        boolean newSentence = true;
        int sentenceStart = 0;
        int rangeEnd = -1;
        String rangeForm = null;
        int rangeBegin = 0;
        int rangeCursor = 0;
        boolean rangeSpaceAfter = true;
        List<String[]> sentence = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# newpar")) {
                newParagraph = true;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                newSentence = true;
                continue;
            }
            String[] f = line.split("\t", -1);
            if (newSentence) {
                if (!text.isEmpty()) {
                    text.append(newParagraph ? "\n\n" : " ");
                }
                newParagraph = false;
                newSentence = false;
                sentenceStart = tokens.size();
                sentence.clear();
            }
            if (f[0].contains(".")) {
                continue;
            }
            if (f[0].contains("-")) {
                // A multiword token ("Warhol's": Warhol + 's): its form is the text; its words get their part of it.
                String[] range = f[0].split("-");
                rangeEnd = Integer.parseInt(range[1]);
                rangeSpaceAfter = !f[9].contains("SpaceAfter=No");
                rangeBegin = text.length();
                rangeForm = f[1];
                text.append(f[1]);
                continue;
            }
            int id = Integer.parseInt(f[0]);
            int head = f[6].equals("0") || f[6].equals("_") ? -1 : sentenceStart + Integer.parseInt(f[6]) - 1;
            int begin;
            int end;
            boolean spaceAfter;
            if (rangeForm != null && id <= rangeEnd) {
                // Words that spell the multiword token in order get their own span; otherwise they share it.
                int offset = rangeForm.indexOf(f[1], rangeCursor);
                if (offset >= 0) {
                    begin = rangeBegin + offset;
                    end = begin + f[1].length();
                    rangeCursor = offset + f[1].length();
                } else {
                    begin = rangeBegin;
                    end = rangeBegin + rangeForm.length();
                }
                spaceAfter = id == rangeEnd && rangeSpaceAfter;
                if (id == rangeEnd) {
                    rangeForm = null;
                    rangeCursor = 0;
                }
            } else {
                begin = text.length();
                text.append(f[1]);
                end = text.length();
                spaceAfter = !f[9].contains("SpaceAfter=No");
            }
            tokens.add(new Token(f[1], f[3], head, f[7], begin, end));
            int index = tokens.size() - 1;
            readEntities(f[9], index, open, openTypes, mentions);
            if (spaceAfter) {
                text.append(' ');
            }
        }
        return new Document(name, text.toString(), tokens, mentions);
    }

    /** {@code Entity=(3-organization-new-...-Afghan_Girls_Robotics_Team(4-place-...)3)}: opens and closes. */
    private static void readEntities(String misc, int token, Map<String, Deque<Integer>> open,
            Map<String, Deque<String>> openTypes, List<GoldMention> mentions) {
        int at = misc.indexOf("Entity=");
        if (at < 0) {
            return;
        }
        int end = misc.indexOf('|', at);
        String value = misc.substring(at + 7, end < 0 ? misc.length() : end);
        int i = 0;
        while (i < value.length()) {
            if (value.charAt(i) == '(') {
                int j = i + 1;
                while (j < value.length() && value.charAt(j) != '(' && value.charAt(j) != ')') {
                    j++;
                }
                String[] parts = value.substring(i + 1, j).split("-");
                String entity = parts[0];
                String type = parts.length > 1 ? parts[1] : "";
                if (j < value.length() && value.charAt(j) == ')') {
                    mentions.add(new GoldMention(entity, type, token, token));
                    j++;
                } else {
                    open.computeIfAbsent(entity, e -> new ArrayDeque<>()).push(token);
                    openTypes.computeIfAbsent(entity, e -> new ArrayDeque<>()).push(type);
                }
                i = j;
            } else {
                int j = i;
                while (j < value.length() && Character.isDigit(value.charAt(j))) {
                    j++;
                }
                String entity = value.substring(i, j);
                if (j < value.length() && value.charAt(j) == ')' && open.containsKey(entity)
                        && !open.get(entity).isEmpty()) {
                    mentions.add(new GoldMention(entity, openTypes.get(entity).pop(), open.get(entity).pop(), token));
                    j++;
                } else {
                    j = Math.max(j, i + 1);
                }
                i = j;
            }
        }
    }
}
