package cn.gov.supervision.notifications.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The supervising office's weekly report (督办周报): every unit's assignments as they stood at the end of {@code asOf},
 * counted as tasks-service's {@code GET /api/v1/stats/units?asOf=} counts them, and the most overdue open ones.
 */
public record WeeklyReport(LocalDate asOf, LocalDate weekOf, List<UnitFigures> units, List<OverdueItem> mostOverdue) {

    /** completionRate = completed / total, from 0 to 1 (0 without assignments), as tasks-service rounds it. */
    public record UnitFigures(UUID unitId, String unitName, long total, long completed, long completedOnTime,
                              long overdue, long awaitingApproval, long red, long yellow, long green,
                              double completionRate) {

        /** The completion rate in whole percent, for the bar and the text. */
        public int percent() {
            return (int) Math.round(completionRate * 100);
        }

        /** The grey rest of the bar. */
        public int percentLeft() {
            return 100 - percent();
        }
    }

    /** An open assignment past its due date; overdueWorkingDays counts working days on the official calendar. */
    public record OverdueItem(String code, String title, String unitName, LocalDate dueDate, int overdueWorkingDays) {
    }
}
