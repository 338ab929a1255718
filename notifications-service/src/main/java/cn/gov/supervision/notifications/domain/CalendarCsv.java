package cn.gov.supervision.notifications.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parser for the official calendar file: a {@code date,kind,name} header, then one special day per line, e.g.
 * {@code 2022-10-08,WORKDAY,国庆节}. Dates are ISO {@code yyyy-MM-dd}; kind is {@code HOLIDAY} or {@code WORKDAY}.
 * Fields are not quoted (holiday names use 、 rather than commas). Blank lines are skipped. The caller opens the
 * reader as UTF-8; a leading byte-order mark is tolerated.
 */
public final class CalendarCsv {

    private static final String HEADER = "date,kind,name";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CalendarCsv() {
    }

    /**
     * @throws IllegalArgumentException naming the (1-based) line number if the header or a line is malformed, or if
     *                                  a date appears twice
     * @throws UncheckedIOException     if the reader fails
     */
    public static List<SpecialDay> parse(Reader csv) {
        Objects.requireNonNull(csv, "csv");
        BufferedReader lines = new BufferedReader(csv);
        try {
            checkHeader(lines.readLine());
            List<SpecialDay> specialDays = new ArrayList<>();
            Map<LocalDate, Integer> lineOfDate = new HashMap<>();
            int lineNumber = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                SpecialDay specialDay = parseLine(line, lineNumber);
                Integer earlierLine = lineOfDate.putIfAbsent(specialDay.date(), lineNumber);
                if (earlierLine != null) {
                    throw malformed(lineNumber, line, "date " + specialDay.date() + " already given on line " + earlierLine);
                }
                specialDays.add(specialDay);
            }
            return specialDays;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar CSV", e);
        }
    }

    private static void checkHeader(String header) {
        if (header == null) {
            throw new IllegalArgumentException("calendar CSV line 1: missing header '" + HEADER + "' (empty input)");
        }
        String withoutMark = !header.isEmpty() && header.charAt(0) == BYTE_ORDER_MARK ? header.substring(1) : header;
        if (!withoutMark.strip().equals(HEADER)) {
            throw malformed(1, header, "expected header '" + HEADER + "'");
        }
    }

    private static SpecialDay parseLine(String line, int lineNumber) {
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
            throw malformed(lineNumber, line, "expected 3 columns (date,kind,name) but found " + fields.length);
        }
        return new SpecialDay(
                parseDate(fields[0].strip(), line, lineNumber),
                parseKind(fields[1].strip(), line, lineNumber),
                fields[2].strip());
    }

    private static LocalDate parseDate(String text, String line, int lineNumber) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(lineNumber, line, "bad date '" + text + "', expected yyyy-MM-dd");
        }
    }

    private static DayKind parseKind(String text, String line, int lineNumber) {
        try {
            return DayKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw malformed(lineNumber, line, "unknown kind '" + text + "', expected HOLIDAY or WORKDAY");
        }
    }

    private static IllegalArgumentException malformed(int lineNumber, String line, String problem) {
        return new IllegalArgumentException("calendar CSV line " + lineNumber + ": " + problem + ": '" + line + "'");
    }
}
