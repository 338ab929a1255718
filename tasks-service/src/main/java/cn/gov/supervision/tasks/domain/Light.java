package cn.gov.supervision.tasks.domain;

import java.time.LocalDate;

/** The supervision traffic light (红黄绿灯). */
public enum Light {
    /** Overdue and not completed. */
    RED,
    /** Due within {@link #YELLOW_DAYS} days. */
    YELLOW,
    GREEN,
    /** Completed, or nothing dated to watch. */
    NONE;

    public static final int YELLOW_DAYS = 7;

    /** The light of something open that is next due on {@code dueDate} (null: dateless or completed). */
    public static Light of(LocalDate dueDate, LocalDate today) {
        if (dueDate == null) {
            return NONE;
        }
        if (dueDate.isBefore(today)) {
            return RED;
        }
        return dueDate.isAfter(today.plusDays(YELLOW_DAYS)) ? GREEN : YELLOW;
    }
}
