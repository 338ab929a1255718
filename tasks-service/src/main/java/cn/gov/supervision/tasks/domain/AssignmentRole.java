package cn.gov.supervision.tasks.domain;

public enum AssignmentRole {
    /** 牵头单位 */
    LEAD,
    /** 责任单位 / 配合单位 */
    CO
}
