package cn.gov.supervision.units.domain;

/** How a GROUP unit decides who it stands for. */
public enum GroupMembership {
    /** The listed member units (e.g. 各区县政府: the five district and county governments and 南太湖新区管委会). */
    FIXED,
    /** Every active unit of one kind, so new departments join automatically (市级各部门). */
    ALL_OF_KIND,
    /** No fixed members: whoever assigns a task must choose them (市级有关部门). */
    PER_TASK
}
