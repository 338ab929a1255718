package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.TaskCategory;

/**
 * The attachment a table belongs to (附件1 2022年度…重点任务清单), or, for a table under no attachment heading, its
 * place among such tables (表1).
 *
 * @param codePrefix       附件1, or 表1
 * @param section          the heading its tasks are filed under, e.g. 附件1 2022年度全市政务公开工作重点任务清单
 * @param listTitle        the attachment's title, readable; "" when it has none
 * @param attachmentNumber 1 for 附件1; null for a table under no attachment heading
 */
record TableSource(String codePrefix, String section, String listTitle, String attachmentNumber) {

    static TableSource attachment(Heading heading, String listTitle) {
        String prefix = heading.codePrefix();
        return new TableSource(prefix, listTitle.isEmpty() ? prefix : prefix + " " + listTitle, listTitle,
                heading.numeral());
    }

    /**
     * The same table's rows under a section row inside it (二、…, (一)…): filed under the table's section and that
     * heading; a later heading of the table replaces it rather than nesting under it.
     */
    TableSource under(String heading) {
        return new TableSource(codePrefix, tableSection() + SECTION_ROW + heading, listTitle, attachmentNumber);
    }

    private String tableSection() {
        int at = section.indexOf(SECTION_ROW);
        return at < 0 ? section : section.substring(0, at);
    }

    private static final String SECTION_ROW = " > ";

    static TableSource unnamed(int ordinal) {
        String prefix = "表" + ordinal;
        return new TableSource(prefix, prefix, "", null);
    }

    /**
     * The list's title says best what its rows are; plans that number their attachments as Huzhou's does put key
     * tasks in 附件1, actions in 附件2 and projects in 附件3; failing both, the columns tell.
     */
    TaskCategory category(TableLayout layout) {
        if (listTitle.contains("项目清单")) {
            return TaskCategory.INNOVATION_PROJECT;
        }
        if (listTitle.contains("行动") && listTitle.contains("清单")) {
            return TaskCategory.ACTION;
        }
        if (listTitle.contains("重点任务")) {
            return TaskCategory.KEY_TASK;
        }
        TaskCategory byNumber = attachmentNumber == null ? null : switch (attachmentNumber) {
            case "1" -> TaskCategory.KEY_TASK;
            case "2" -> TaskCategory.ACTION;
            case "3" -> TaskCategory.INNOVATION_PROJECT;
            default -> null;
        };
        return byNumber != null ? byNumber : layout.categoryByColumns();
    }
}
