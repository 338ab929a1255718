package cn.gov.supervision.notifications.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The State Council's 2022–2026 holiday arrangements, loaded once from the test resources. */
public final class OfficialCalendar {

    static final String RESOURCE = "/calendar/cn-official-calendar-2022-2026.csv";

    public static final WorkingDayCalendar CALENDAR = load();

    private OfficialCalendar() {
    }

    private static WorkingDayCalendar load() {
        InputStream csv = OfficialCalendar.class.getResourceAsStream(RESOURCE);
        if (csv == null) {
            throw new IllegalStateException("test resource missing: " + RESOURCE);
        }
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            return WorkingDayCalendar.parseCsv(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
