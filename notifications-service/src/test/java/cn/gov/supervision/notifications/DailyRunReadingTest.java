package cn.gov.supervision.notifications;

import cn.gov.supervision.notifications.api.DigestItem;
import cn.gov.supervision.notifications.api.PolicyData;
import cn.gov.supervision.notifications.api.PreviewEntry;
import cn.gov.supervision.notifications.domain.DeadlineKind;
import cn.gov.supervision.notifications.domain.PlannedReminder;
import cn.gov.supervision.notifications.domain.ReminderKind;
import cn.gov.supervision.notifications.domain.ReminderRules;
import cn.gov.supervision.notifications.domain.Recurrence;
import cn.gov.supervision.notifications.domain.WorkingDayCalendar;
import cn.gov.supervision.testkit.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily run reads only what is due or overdue, in keyset pages (two assignments a page in the test
 * configuration); what it plans must be what the reminder rules say about every assignment of the read model, read
 * whole. The read model is written here directly, for days (2025) far from the Huzhou plan's, and removed afterwards.
 */
@QuarkusTest
class DailyRunReadingTest {

    /** The last working day of June and of Q2 2025: due-today, overdue, escalation and progress reports all fire. */
    private static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "notifications.daily-run.page-size")
    int pageSize;

    @ConfigProperty(name = "notifications.supervising-unit-id")
    UUID supervisingUnit;

    private final List<UUID> seededUnits = new ArrayList<>();
    private final List<UUID> seededTasks = new ArrayList<>();

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @AfterEach
    void removeTheSeededReadModel() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("escalation", "assignment_info")) {
                delete(c, "DELETE FROM " + table + " WHERE task_id = ANY(?)", seededTasks);
            }
            delete(c, "DELETE FROM task_info WHERE id = ANY(?)", seededTasks);
            delete(c, "DELETE FROM unit_info WHERE id = ANY(?)", seededUnits);
        }
    }

    @Test
    void aUnitWhoseItemsSpanManyPagesWithTiedDueDatesGetsExactlyWhatTheRulesSayAboutEveryAssignment() throws Exception {
        assertThat(pageSize).as("the test configuration's page size, small so that digests span pages").isLessThan(5);
        UUID first = unit("甲单位");
        UUID second = unit("乙单位");
        try (Connection c = dataSource.getConnection()) {
            // 30 tasks due on the day for both units: 60 assignments with one due date, across 30 page boundaries
            for (int i = 0; i < 30; i++) {
                UUID task = task(c, "P-" + i, DeadlineKind.DATE, DAY, null);
                assign(c, task, first, "OPEN", DAY);
                assign(c, task, second, "OPEN", DAY);
            }
            // overdue by every count of working days over six weeks, open and completed
            for (int back = 1; back <= 45; back++) {
                UUID task = task(c, "O-" + back, DeadlineKind.DATE, DAY.minusDays(back), null);
                assign(c, task, first, back % 4 == 0 ? "COMPLETED" : "OPEN", DAY.minusDays(back));
                assign(c, task, second, "OPEN", DAY.minusDays(back));
            }
            // 2025-06-23 is five working days back: escalated today, unless it was on an earlier run
            UUID escalatedBefore = task(c, "E-1", DeadlineKind.DATE, LocalDate.of(2025, 6, 23), null);
            assign(c, escalatedBefore, first, "OPEN", LocalDate.of(2025, 6, 23));
            assign(c, escalatedBefore, second, "OPEN", LocalDate.of(2025, 6, 23));
            execute(c, "INSERT INTO escalation (task_id, unit_id, day) VALUES (?, ?, ?)",
                    escalatedBefore, first, Date.valueOf("2025-06-24"));
            // an extension: the unit's own due date counts, not the task's
            UUID extended = task(c, "X-1", DeadlineKind.DATE, DAY.minusDays(3), null);
            assign(c, extended, first, "OPEN", DAY.plusDays(1));
            assign(c, extended, second, "OPEN", null); // no date of its own: the task's
            // due dates ahead, some of them on a reminder day (7 and 30 days, 1 and 3 working days)
            for (int ahead = 1; ahead <= 40; ahead++) {
                UUID task = task(c, "A-" + ahead, ahead % 5 == 0 ? DeadlineKind.YEAR_ROUND : DeadlineKind.DATE,
                        DAY.plusDays(ahead), null);
                assign(c, task, ahead % 2 == 0 ? first : second, "OPEN", ahead % 3 == 0 ? null : DAY.plusDays(ahead));
            }
            // year-round work due at the year's end reports progress on the quarter's last working day
            UUID yearRound = task(c, "Y-1", DeadlineKind.YEAR_ROUND, LocalDate.of(2025, 12, 31), null);
            assign(c, yearRound, first, "OPEN", LocalDate.of(2025, 12, 31));
            assign(c, yearRound, second, "COMPLETED", LocalDate.of(2025, 12, 31));
            for (Recurrence recurrence : Recurrence.values()) {
                UUID recurring = task(c, "R-" + recurrence, DeadlineKind.RECURRING, null, recurrence);
                assign(c, recurring, first, "OPEN", null);
                assign(c, recurring, second, "OPEN", null);
            }
            UUID ongoing = task(c, "G-1", DeadlineKind.ONGOING, DAY, null);
            assign(c, ongoing, first, "OPEN", DAY);
        }

        Map<UUID, List<String>> expected = whatTheRulesSayAboutEveryAssignment();
        assertThat(expected.get(first)).as("the first unit's items").hasSizeGreaterThan(20 * pageSize);
        assertThat(expected.get(first)).anyMatch(i -> i.startsWith("ESCALATION"));
        assertThat(expected.get(first)).anyMatch(i -> i.startsWith("PROGRESS_REPORT"));
        assertThat(expected.get(second)).anyMatch(i -> i.startsWith("DUE_SOON"));

        List<PreviewEntry> preview = Arrays.asList(given().queryParam("date", DAY.toString())
                .when().get("/api/v1/notifications/preview").then().statusCode(200).extract().as(PreviewEntry[].class));
        Map<UUID, List<String>> planned = new TreeMap<>();
        for (PreviewEntry entry : preview) {
            List<String> items = entry.items().stream()
                    .filter(i -> seededTasks.contains(i.taskId()))
                    .map(DailyRunReadingTest::describe).sorted().toList();
            if (!items.isEmpty()) {
                planned.put(entry.unit().id(), items);
            }
        }
        assertThat(planned).isEqualTo(expected);

        // and in the digest's order: by effective deadline, then code
        PreviewEntry firstDigest = preview.stream().filter(e -> e.unit().id().equals(first)).findFirst().orElseThrow();
        List<DigestItem> items = firstDigest.items();
        for (int i = 1; i < items.size(); i++) {
            DigestItem before = items.get(i - 1);
            DigestItem after = items.get(i);
            if (before.effectiveDeadline() != null && after.effectiveDeadline() != null) {
                assertThat(before.effectiveDeadline()).isBeforeOrEqualTo(after.effectiveDeadline());
                if (before.effectiveDeadline().equals(after.effectiveDeadline())) {
                    assertThat(before.code().compareTo(after.code())).isLessThanOrEqualTo(0);
                }
            }
        }
    }

    /**
     * The plan as the run made it before it read in pages: every assignment of the read model through the rules,
     * items about the seeded tasks only (the Huzhou plan of other tests may be in the same database).
     */
    private Map<UUID, List<String>> whatTheRulesSayAboutEveryAssignment() throws Exception {
        PolicyData policy = given().when().get("/api/v1/notifications/policy").then().statusCode(200)
                .extract().as(PolicyData.class);
        ReminderRules rules = new ReminderRules(officialCalendar(), policy.toPolicy());
        Set<UUID> knownUnits = new HashSet<>();
        Map<UUID, List<String>> expected = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet units = c.createStatement().executeQuery("SELECT id FROM unit_info")) {
                while (units.next()) {
                    knownUnits.add(units.getObject(1, UUID.class));
                }
            }
            try (ResultSet rows = c.createStatement().executeQuery("""
                    SELECT t.id, t.deadline_kind, t.due_date, t.recurrence, a.unit_id, a.status, a.due_date,
                           e.task_id IS NOT NULL
                    FROM task_info t JOIN assignment_info a ON a.task_id = t.id
                    LEFT JOIN escalation e ON e.task_id = a.task_id AND e.unit_id = a.unit_id""")) {
                while (rows.next()) {
                    UUID task = rows.getObject(1, UUID.class);
                    if (!seededTasks.contains(task)) {
                        continue;
                    }
                    UUID unit = rows.getObject(5, UUID.class);
                    LocalDate own = rows.getObject(7, LocalDate.class);
                    LocalDate due = own != null ? own : rows.getObject(3, LocalDate.class); // none for RECURRING
                    String recurrence = rows.getString(4);
                    for (PlannedReminder reminder : rules.remindersOn(DAY, DeadlineKind.valueOf(rows.getString(2)), due,
                            recurrence == null ? null : Recurrence.valueOf(recurrence),
                            "COMPLETED".equals(rows.getString(6)))) {
                        if (reminder.kind() == ReminderKind.ESCALATION) {
                            if (rows.getBoolean(8)) {
                                continue;
                            }
                            expected.computeIfAbsent(supervisingUnit, u -> new ArrayList<>())
                                    .add(reminder.kind() + " " + task + " about " + unit);
                        }
                        expected.computeIfAbsent(unit, u -> new ArrayList<>()).add(reminder.kind() + " " + task);
                    }
                }
            }
        }
        Map<UUID, List<String>> sorted = new TreeMap<>();
        expected.forEach((unit, items) -> {
            if (knownUnits.contains(unit)) { // a digest needs a unit this service knows
                sorted.put(unit, items.stream().sorted().toList());
            }
        });
        return sorted;
    }

    private static String describe(DigestItem item) {
        return item.kind() + " " + item.taskId() + (item.aboutUnitId() == null ? "" : " about " + item.aboutUnitId());
    }

    private static WorkingDayCalendar officialCalendar() throws Exception {
        try (Reader csv = new InputStreamReader(Objects.requireNonNull(DailyRunReadingTest.class.getResourceAsStream(
                "/calendar/cn-official-calendar-2022-2026.csv")), StandardCharsets.UTF_8)) {
            return WorkingDayCalendar.parseCsv(csv);
        }
    }

    private UUID unit(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            execute(c, "INSERT INTO unit_info (id, code, name, kind, active, contacts, version) VALUES (?, ?, ?, ?, true, ?, 1)",
                    id, "T-" + id.toString().substring(0, 8), name, "CITY_DEPARTMENT",
                    "[{\"name\":\"联络员\",\"role\":\"联络员\",\"email\":\"liaison@" + id + ".test\"}]");
        }
        seededUnits.add(id);
        return id;
    }

    private UUID task(Connection c, String code, DeadlineKind kind, LocalDate due, Recurrence recurrence)
            throws SQLException {
        UUID id = UUID.randomUUID();
        execute(c, "INSERT INTO task_info (id, plan_id, code, title, deadline_text, deadline_kind, due_date, recurrence, "
                        + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                id, UUID.randomUUID(), code, "分页读取任务 " + code, due == null ? null : due + "前", kind.name(),
                due == null ? null : Date.valueOf(due), recurrence == null ? null : recurrence.name());
        seededTasks.add(id);
        return id;
    }

    private static void assign(Connection c, UUID task, UUID unit, String status, LocalDate due) throws SQLException {
        execute(c, "INSERT INTO assignment_info (task_id, unit_id, role, status, due_date) VALUES (?, ?, 'LEAD', ?, ?)",
                task, unit, status, due == null ? null : Date.valueOf(due));
    }

    private static void execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static void delete(Connection c, String sql, List<UUID> ids) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            statement.executeUpdate();
        }
    }
}
