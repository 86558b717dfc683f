package org.clipfile.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A {@code from} or {@code to} request parameter, read the same way by every endpoint that takes one: a year
 * ({@code 2024}), a month ({@code 2024-02}), a day ({@code 2024-02-03}) or an ISO date-time. An end ({@code to})
 * given as a year, month or day includes that whole period; all are UTC.
 */
public final class DateParameter {
    private DateParameter() {}

    /** Null when the parameter is absent or blank; a malformed one is a {@link BadRequestException} naming it. */
    public static @Nullable Instant parse(@Nullable String value, String name, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.length() == 7) {
                LocalDate month = LocalDate.parse(text + "-01");
                return (end ? month.plusMonths(1) : month).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.length() == 4) {
                LocalDate year = LocalDate.parse(text + "-01-01");
                return (end ? year.plusYears(1) : year).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date (2024, 2024-02, 2024-02-03) or an ISO date-time "
                    + "(2024-02-03T10:15:00Z), not '" + text + "'");
        }
    }
}
