package db.migration;

import cn.gov.supervision.notifications.domain.CalendarCsv;
import cn.gov.supervision.notifications.domain.SpecialDay;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Loads the State Council's published arrangements for 2022–2026 from the CSV shipped with the service (the one
 * source of that data; later years come through PUT /api/v1/calendar/{year}).
 */
public class V2__OfficialCalendar2022To2026 extends BaseJavaMigration {

    static final String RESOURCE = "calendar/cn-official-calendar-2022-2026.csv";

    @Override
    public void migrate(Context context) throws Exception {
        List<SpecialDay> days;
        try (InputStream csv = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            if (csv == null) {
                throw new IllegalStateException("Calendar data missing from the classpath: " + RESOURCE);
            }
            try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
                days = CalendarCsv.parse(reader);
            }
        }
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO calendar_day (day, kind, name) VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING")) {
            for (SpecialDay day : days) {
                insert.setDate(1, Date.valueOf(day.date()));
                insert.setString(2, day.kind().name());
                insert.setString(3, day.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
