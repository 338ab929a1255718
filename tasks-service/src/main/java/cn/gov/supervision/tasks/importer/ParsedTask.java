package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.TaskCategory;

import java.util.List;

/**
 * One task found in a plan.
 *
 * @param code          unique within the plan: 附件1-4 for a table row, (二)-3 for the third clause of item (二)
 * @param category      which part of the plan it comes from
 * @param section       where it sits, e.g. 一、… > (一)… or 附件1 2022年度…清单 (simplified)
 * @param title         a short title (simplified)
 * @param description   the full task text (simplified)
 * @param leadUnitNames lead (responsible) units in document order, simplified, without duplicates
 * @param coUnitNames   co-responsible units, none of which is also a lead
 * @param deadline      never null; NONE with text "" when the plan gives no deadline
 * @param originalText  the row or clause exactly as in the document, converter pinyin included
 * @param line          1-based line where the task starts
 */
public record ParsedTask(String code, TaskCategory category, String section, String title, String description,
                         List<String> leadUnitNames, List<String> coUnitNames, ParsedDeadline deadline,
                         String originalText, int line) {

    public ParsedTask {
        leadUnitNames = List.copyOf(leadUnitNames);
        coUnitNames = List.copyOf(coUnitNames);
    }
}
