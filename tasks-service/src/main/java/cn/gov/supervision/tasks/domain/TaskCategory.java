package cn.gov.supervision.tasks.domain;

/** Where in a work plan a task comes from. */
public enum TaskCategory {
    /** A row of the key-task list (附件1 重点任务清单). */
    KEY_TASK,
    /** A row of the action list (附件2 行动任务清单). */
    ACTION,
    /** A row of the innovation-project list (附件3 项目清单), owned by one district or county. */
    INNOVATION_PROJECT,
    /** A clause of the plan's body that ends with its lead units, (牵头单位:…). */
    WORK_POINT
}
