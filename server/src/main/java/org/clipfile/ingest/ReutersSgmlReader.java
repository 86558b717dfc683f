package org.clipfile.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clipfile.article.ArticleDraft;
import org.jspecify.annotations.Nullable;

/**
 * The Reuters-21578 SGML files: each {@code <REUTERS>} element is one wire story with DATE, TOPICS, PLACES,
 * PEOPLE, ORGS and a TEXT of TITLE, DATELINE and BODY. Stories get the identity {@code urn:reuters-21578:<NEWID>}
 * (the collection has verbatim duplicates under different ids, which must stay distinct documents).
 */
public final class ReutersSgmlReader {
    private static final Pattern STORY = Pattern.compile("<REUTERS\\b([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
    private static final Pattern NEW_ID = Pattern.compile("NEWID=\"(\\d+)\"");
    private static final Pattern TEXT_TYPE = Pattern.compile("<TEXT\\s+TYPE=\"(\\w+)\"");
    private static final Pattern D = Pattern.compile("<D>(.*?)</D>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&#(\\d+);|&(lt|gt|amp|quot|apos);");
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ENGLISH);
    /** The wire's sign-off ends a story in any case ("Reuter", "REUTER", "reuter"): the source, never a name. */
    private static final Pattern SIGNATURE = Pattern.compile("\\s*\\bReuters?\\s*$", Pattern.CASE_INSENSITIVE);

    private ReutersSgmlReader() {}

    /** Splits a file into one raw document per story, named {@code <file>#NEWID=<n>}. */
    public static void split(String fileName, String sgml, Consumer<RawDocument> sink) {
        Matcher story = STORY.matcher(sgml);
        while (story.find()) {
            Matcher id = NEW_ID.matcher(story.group(1));
            String name = fileName + "#NEWID=" + (id.find() ? id.group(1) : "?");
            sink.accept(new RawDocument(name, DocumentFormat.REUTERS_SGML,
                    story.group().getBytes(StandardCharsets.UTF_8), null));
        }
    }

    /** Counts the stories of a file without parsing them. */
    public static long count(String sgml) {
        long count = 0;
        for (int i = sgml.indexOf("<REUTERS "); i >= 0; i = sgml.indexOf("<REUTERS ", i + 1)) {
            count++;
        }
        return count;
    }

    /** Parses one {@code <REUTERS>} element. */
    public static ArticleDraft parse(String story) {
        Matcher head = STORY.matcher(story);
        if (!head.find()) {
            throw new InvalidArticleException("Not a Reuters-21578 story: no <REUTERS> element");
        }
        String attributes = head.group(1);
        String content = head.group(2);
        Matcher idMatcher = NEW_ID.matcher(attributes);
        if (!idMatcher.find()) {
            throw new InvalidArticleException("Reuters story without a NEWID");
        }
        String title = clean(element(content, "TITLE"));
        String body = paragraphs(element(content, "BODY"));
        Matcher type = TEXT_TYPE.matcher(content);
        String storyType = type.find() ? type.group(1) : "NORM";
        if (body.isBlank() && "UNPROC".equals(storyType)) {
            // Unprocessed stories keep their whole text in TEXT, with no TITLE/BODY markup.
            String text = paragraphs(element(content, "TEXT"));
            int firstBreak = text.indexOf('\n');
            title = firstBreak < 0 ? text : text.substring(0, firstBreak).strip();
            body = firstBreak < 0 ? "" : text.substring(firstBreak).strip();
        }
        if (title.isBlank()) {
            throw new InvalidArticleException("Reuters story " + idMatcher.group(1) + " has no title");
        }
        if (body.isBlank()) {
            // Briefs are one-line stories: the headline is all there is.
            body = title;
        }
        List<String> topics = list(element(content, "TOPICS"));
        List<String> tags = new ArrayList<>(topics);
        return new ArticleDraft(
                TextNormalizer.normalize(title),
                TextNormalizer.normalize(body),
                date(element(content, "DATE")),
                "Reuters",
                "urn:reuters-21578:" + idMatcher.group(1),
                topics.isEmpty() ? null : topics.getFirst(),
                tags,
                null,
                "en");
    }

    /** The hand-assigned PLACES, PEOPLE and ORGS of a story: ground truth for facets. */
    public record Labels(List<String> places, List<String> people, List<String> orgs) {}

    public static Labels labels(String story) {
        return new Labels(list(element(story, "PLACES")), list(element(story, "PEOPLE")),
                list(element(story, "ORGS")));
    }

    private static String element(String content, String name) {
        int start = content.indexOf("<" + name + ">");
        if (start < 0) {
            start = content.indexOf("<" + name + " ");
        }
        if (start < 0) {
            return "";
        }
        int open = content.indexOf('>', start) + 1;
        int end = content.indexOf("</" + name + ">", open);
        return end < 0 ? content.substring(open) : content.substring(open, end);
    }

    private static List<String> list(String element) {
        List<String> values = new ArrayList<>();
        Matcher d = D.matcher(element);
        while (d.find()) {
            String value = clean(d.group(1));
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    private static @Nullable Instant date(String text) {
        String value = clean(text);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Hard-wrapped wire text: an indented line starts a paragraph, other lines continue the current one. */
    private static String paragraphs(String raw) {
        String text = SIGNATURE.matcher(decodeEntities(raw).replace("\r", "")).replaceAll("");
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            boolean indented = line.startsWith(" ") || line.startsWith("\t");
            if (out.length() > 0) {
                out.append(indented ? "\n\n" : " ");
            }
            out.append(line.strip());
        }
        return out.toString();
    }

    private static String clean(String text) {
        return decodeEntities(text).replaceAll("\\s+", " ").strip();
    }

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                int code = Integer.parseInt(m.group(1));
                replacement = code < 32 && code != 10 && code != 9 ? "" : String.valueOf((char) code);
            } else {
                replacement = switch (m.group(2)) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    default -> "'";
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
