package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.domain.AssignmentRole;
import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.DeadlineKind;
import cn.gov.supervision.tasks.domain.Recurrence;
import cn.gov.supervision.tasks.domain.TaskCategory;
import cn.gov.supervision.tasks.domain.TaskRow;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tasks for reading: a task or a page of tasks with their named units and assignments in ONE SQL statement, read
 * straight into {@link TaskRow}s, outside any transaction (one statement sees one snapshot): a page through JDBC,
 * one task by id through the {@link ReadPool} on the request's event loop.
 * <p>
 * Reads are what the service mostly does, and building managed entities for them cost a list request several times
 * what the database spends (a page of 50 tasks is some 250 managed objects, five statements and a JTA transaction);
 * deploy/bench/run.sh runs the very statement of {@link #page} in pgbench beside the service, so keep the two in step.
 */
@ApplicationScoped
public class TaskRows {

    /**
     * Every column a view needs, for the tasks of CTE {@code page (task_id, total)}; one row per assignment (a task
     * without any has one row of nulls for it). The ORDER BY that follows is the page's own, over task t's columns
     * (a unit's page is picked in the order of the copies its assignments carry, which a statement sees equal to
     * task's): numbering the page inside the CTE with row_number() cost PostgreSQL 4 ms at a million tasks.
     */
    private static final String SELECT_PAGE = """
            SELECT p.total, t.id, t.plan_id, t.code, t.category, t.section, t.title, t.description, t.original_text,
                   t.deadline_text, t.deadline_kind, t.due_date, t.recurrence, t.status, t.next_due_date, t.version,
                   t.created_at, t.updated_at, n.leads, n.cos,
                   a.id, a.unit_id, a.role, a.via_group_id, a.status, a.extended_due_date, a.percent,
                   a.completion_evidence, a.completion_links, a.completed_at, a.return_reason, a.proposed_due_date,
                   a.extension_reason
            FROM page p
            JOIN task t ON t.id = p.task_id
            LEFT JOIN LATERAL (
                SELECT array_agg(tu.unit_id ORDER BY tu.position) FILTER (WHERE tu.role = 'LEAD') AS leads,
                       array_agg(tu.unit_id ORDER BY tu.position) FILTER (WHERE tu.role = 'CO') AS cos
                FROM task_unit tu WHERE tu.task_id = t.id) n ON true
            LEFT JOIN assignment a ON a.task_id = t.id
            ORDER BY\s""";

    /** After the tasks' own order (which ends in a unique column), the entity's order of assignments. */
    private static final String ASSIGNMENT_ORDER = ", a.role, a.created_at, a.unit_id";

    /** One task by id, its parameter written as the event-loop pool's driver wants it. */
    private static final String FIND = "WITH page AS (SELECT $1::uuid AS task_id, 1::bigint AS total)\n" + SELECT_PAGE
            + "t.id" + ASSIGNMENT_ORDER;

    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([A-Za-z]\\w*)");

    private final DataSource dataSource;
    private final ReadPool readPool;

    public TaskRows(DataSource dataSource, ReadPool readPool) {
        this.dataSource = dataSource;
        this.readPool = readPool;
    }

    public record Page(List<TaskRow> tasks, long total) {
    }

    /**
     * The task with this id, if there is one, answered on the calling event loop through the {@link ReadPool} (the
     * one read that is: {@code GET /tasks/{id}}, the API's most frequent).
     */
    public Uni<Optional<TaskRow>> findWithoutBlocking(UUID id) {
        return readPool.query(FIND, Tuple.of(id))
                .map(rows -> {
                    try {
                        return collect(Columns.of(rows)).tasks().stream().findFirst();
                    } catch (SQLException e) { // Columns of a RowSet throw none: its values are decoded already
                        throw new IllegalStateException(e);
                    }
                });
    }

    /**
     * One page of {@code query}'s tasks, in its order, with the number of all that match: the total comes with the
     * page (a window over the matching rows), so the matching rows are found once; only a page past the end asks
     * for it again.
     */
    public Page page(TaskQuery query, int page, int size) {
        String ctes = query.cte().isEmpty() ? "WITH " : "WITH " + query.cte() + ", ";
        String sql = ctes + "page AS (SELECT " + query.idColumn() + " AS task_id, count(*) OVER () AS total "
                + query.body() + " ORDER BY " + query.orderBy() + " LIMIT :limit OFFSET :offset)\n" + SELECT_PAGE
                + query.taskOrder() + ASSIGNMENT_ORDER;
        Map<String, Object> params = new HashMap<>(query.params());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        Page found = query(sql, params, rows -> collect(Columns.of(rows)));
        if (!found.tasks().isEmpty()) {
            return found;
        }
        String count = (query.cte().isEmpty() ? "" : "WITH " + query.cte() + " ") + "SELECT count(*) " + query.body();
        long total = query(count, query.params(), rows -> {
            rows.next();
            return rows.getLong(1);
        });
        return new Page(List.of(), total);
    }

    private interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs a statement with {@code :name} parameters. */
    private <T> T query(String sql, Map<String, Object> params, RowsReader<T> reader) {
        List<Object> values = new ArrayList<>();
        Matcher names = NAMED_PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (names.find()) {
            if (!params.containsKey(names.group(1))) {
                throw new IllegalStateException("No value for :" + names.group(1) + " in " + sql);
            }
            values.add(params.get(names.group(1)));
            names.appendReplacement(positional, "?");
        }
        return query(names.appendTail(positional).toString(), values, reader);
    }

    private <T> T query(String sql, List<Object> values, RowsReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading tasks failed", e);
        }
    }

    /**
     * The columns of one statement's rows, as JDBC or the event-loop pool hands them over; numbered from 1 as in the
     * SELECT list, so that one {@link #collect} reads both.
     */
    private interface Columns {

        boolean next() throws SQLException;

        UUID uuid(int column) throws SQLException;

        String string(int column) throws SQLException;

        LocalDate date(int column) throws SQLException;

        OffsetDateTime timestamp(int column) throws SQLException;

        long int8(int column) throws SQLException;

        Integer int4(int column) throws SQLException;

        /** An array of uuids, empty when NULL. */
        List<UUID> uuids(int column) throws SQLException;

        static Columns of(ResultSet rows) {
            return new Columns() {
                public boolean next() throws SQLException {
                    return rows.next();
                }

                public UUID uuid(int column) throws SQLException {
                    return rows.getObject(column, UUID.class);
                }

                public String string(int column) throws SQLException {
                    return rows.getString(column);
                }

                public LocalDate date(int column) throws SQLException {
                    return rows.getObject(column, LocalDate.class);
                }

                public OffsetDateTime timestamp(int column) throws SQLException {
                    return rows.getObject(column, OffsetDateTime.class);
                }

                public long int8(int column) throws SQLException {
                    return rows.getLong(column);
                }

                public Integer int4(int column) throws SQLException {
                    return (Integer) rows.getObject(column);
                }

                public List<UUID> uuids(int column) throws SQLException {
                    Array array = rows.getArray(column);
                    return array == null ? List.of() : List.of((UUID[]) array.getArray());
                }
            };
        }

        static Columns of(RowSet<Row> rows) {
            RowIterator<Row> iterator = rows.iterator();
            return new Columns() {
                private Row row;

                public boolean next() {
                    row = iterator.hasNext() ? iterator.next() : null;
                    return row != null;
                }

                public UUID uuid(int column) {
                    return row.getUUID(column - 1);
                }

                public String string(int column) {
                    return row.getString(column - 1);
                }

                public LocalDate date(int column) {
                    return row.getLocalDate(column - 1);
                }

                public OffsetDateTime timestamp(int column) {
                    return row.getOffsetDateTime(column - 1);
                }

                public long int8(int column) {
                    return row.getLong(column - 1);
                }

                public Integer int4(int column) {
                    return row.getInteger(column - 1);
                }

                public List<UUID> uuids(int column) {
                    UUID[] array = row.getArrayOfUUIDs(column - 1);
                    return array == null ? List.of() : List.of(array);
                }
            };
        }
    }

    /**
     * Rows of one task follow each other (the task order ends in a unique column): a new task starts where the id
     * changes, and its assignment list fills up from the rows after it.
     */
    private static Page collect(Columns rows) throws SQLException {
        List<TaskRow> tasks = new ArrayList<>();
        long total = 0;
        UUID current = null;
        TaskRow task = null;
        List<TaskRow.AssignmentRow> assignments = null;
        while (rows.next()) {
            UUID id = rows.uuid(2);
            if (!id.equals(current)) {
                total = rows.int8(1);
                current = id;
                assignments = new ArrayList<>();
                task = new TaskRow(id, rows.uuid(3), rows.string(4),
                        TaskCategory.valueOf(rows.string(5)), rows.string(6), rows.string(7),
                        rows.string(8), rows.string(9), rows.string(10),
                        DeadlineKind.valueOf(rows.string(11)), rows.date(12),
                        enumOrNull(Recurrence.class, rows.string(13)), AssignmentStatus.valueOf(rows.string(14)),
                        rows.date(15), rows.int8(16), rows.timestamp(17), rows.timestamp(18),
                        rows.uuids(19), rows.uuids(20), assignments);
                tasks.add(task);
            }
            UUID assignment = rows.uuid(21);
            if (assignment != null) {
                assignments.add(new TaskRow.AssignmentRow(assignment, rows.uuid(22),
                        AssignmentRole.valueOf(rows.string(23)), rows.uuid(24),
                        AssignmentStatus.valueOf(rows.string(25)), rows.date(26), rows.int4(27), rows.string(28),
                        rows.string(29), rows.timestamp(30), rows.string(31), rows.date(32), rows.string(33)));
            }
        }
        return new Page(tasks, total);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
