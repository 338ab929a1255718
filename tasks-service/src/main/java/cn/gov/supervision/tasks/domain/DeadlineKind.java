package cn.gov.supervision.tasks.domain;

/** How a deadline written in words (9月底前, 全年, 持续推进, 按月) was understood. */
public enum DeadlineKind {
    /** A definite due date. */
    DATE,
    /** 全年: throughout the year, due at its end. */
    YEAR_ROUND,
    /** 持续推进, 长期坚持: never due. */
    ONGOING,
    /** 按月, 每季度: reported on periodically. */
    RECURRING,
    /** Not understood, or not given. */
    NONE
}
