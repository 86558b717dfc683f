package org.clipfile.ingest.html;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates that pages carry: ISO 8601 in its many loose variants, RFC 1123, "July 24, 2015 5:36 PM EDT",
 * "24 July 2015", "2015/07/24", epoch seconds or milliseconds. Without a zone the time is taken as UTC.
 */
final class PublishedDates {
    private static final int MIN_YEAR = 1990;
    private static final int MAX_YEAR = 2100;
    private static final String MONTH_NAMES = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final String TIME = "(?:(?:\\s*(?:at|,|-|T|\\||\\u00B7)?\\s*)(\\d{1,2})[:.h](\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
            + "\\s*([ap]\\.?m\\.?)?)?";
    private static final String ZONE = "(?:\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}(?!\\d)|(?:UTC|GMT)(?:[+-]\\d{1,2}(?::?\\d{2})?)?"
            + "|[ECMP][SD]T|BST|CES?T|EES?T|IST|JST|AEST|AEDT)\\b)?";
    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d])(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)" + TIME + ZONE, Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?(?!\\d)");
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "\\b(" + MONTH_NAMES + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)" + TIME + ZONE,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(" + MONTH_NAMES + ")\\.?,?\\s+(\\d{4})(?!\\d)" + TIME + ZONE,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_US = Pattern.compile(
            "(?<![\\d/.])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?!\\d)" + TIME + ZONE, Pattern.CASE_INSENSITIVE);
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7),
            Map.entry("BST", 1), Map.entry("CET", 1), Map.entry("CEST", 2), Map.entry("EET", 2),
            Map.entry("EEST", 3), Map.entry("IST", 5), Map.entry("JST", 9), Map.entry("AEST", 10),
            Map.entry("AEDT", 11));

    private PublishedDates() {}

    /** A whole attribute value or short text that should be nothing but a date; null when it is not one. */
    static @Nullable Instant parse(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.isEmpty() || text.length() > 200) {
            return null;
        }
        if (EPOCH.matcher(text).matches()) {
            long number = Long.parseLong(text);
            Instant instant = text.length() == 13 ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
            return plausible(instant) ? instant : null;
        }
        return find(text);
    }

    /** The first date found anywhere in a piece of text, such as a dateline "Updated 5:36 PM, July 24, 2015". */
    static @Nullable Instant find(String text) {
        String sample = text.length() > 400 ? text.substring(0, 400) : text;
        Matcher iso = ISO.matcher(sample);
        if (iso.find()) {
            Instant instant = build(iso.group(1), iso.group(2), iso.group(3), iso, 4);
            if (instant != null) {
                return instant;
            }
        }
        Matcher monthFirst = MONTH_FIRST.matcher(sample);
        if (monthFirst.find()) {
            Instant instant = build(monthFirst.group(3), monthNumber(monthFirst.group(1)), monthFirst.group(2),
                    monthFirst, 4);
            if (instant != null) {
                return instant;
            }
        }
        Matcher dayFirst = DAY_FIRST.matcher(sample);
        if (dayFirst.find()) {
            Instant instant = build(dayFirst.group(3), monthNumber(dayFirst.group(2)), dayFirst.group(1), dayFirst, 4);
            if (instant != null) {
                return instant;
            }
        }
        Matcher us = NUMERIC_US.matcher(sample);
        if (us.find()) {
            Instant instant = build(us.group(3), us.group(1), us.group(2), us, 4);
            if (instant != null) {
                return instant;
            }
        }
        Matcher compact = COMPACT.matcher(sample);
        if (compact.find()) {
            return build(compact.group(1), compact.group(2), compact.group(3), compact.group(4), compact.group(5),
                    compact.group(6), null, null);
        }
        return null;
    }

    private static @Nullable Instant build(String year, String month, String day, Matcher m, int timeGroup) {
        return build(year, month, day, m.group(timeGroup), m.group(timeGroup + 1), m.group(timeGroup + 2),
                m.group(timeGroup + 3), m.group(timeGroup + 4));
    }

    private static @Nullable Instant build(String year, String month, String day, @Nullable String hour,
            @Nullable String minute, @Nullable String second, @Nullable String meridiem, @Nullable String zone) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            LocalTime time = LocalTime.MIDNIGHT;
            if (hour != null && minute != null) {
                int h = Integer.parseInt(hour);
                if (meridiem != null) {
                    boolean pm = Character.toLowerCase(meridiem.charAt(0)) == 'p';
                    h = h % 12 + (pm ? 12 : 0);
                }
                time = LocalTime.of(h, Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
            }
            Instant instant = LocalDateTime.of(date, time).toInstant(offset(zone));
            return plausible(instant) ? instant : null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneOffset offset(@Nullable String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        String z = zone.toUpperCase(Locale.ROOT);
        Integer named = ZONE_HOURS.get(z);
        if (named != null) {
            return ZoneOffset.ofHours(named);
        }
        if (z.startsWith("UTC") || z.startsWith("GMT")) {
            z = z.substring(3);
        }
        if (z.isEmpty() || z.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = z.substring(1).replace(":", "");
        int sign = z.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static String monthNumber(String name) {
        String m = name.toLowerCase(Locale.ROOT);
        String[] prefixes = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < prefixes.length; i++) {
            if (m.startsWith(prefixes[i])) {
                return Integer.toString(i + 1);
            }
        }
        return "0";
    }

    private static boolean plausible(Instant instant) {
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
