package cn.gov.supervision.tasks.importer;

import java.util.List;

/**
 * The units a lead-unit note or a unit cell names.
 *
 * @param leads              lead units, in document order, without duplicates
 * @param cos                co-responsible units, none of which is also a lead
 * @param coForLaterClauses  units that a rule such as 以下责任单位均包含各区县政府 makes co-responsible for the clauses
 *                           that follow
 * @param ruleIncludesThis   whether that rule also covers the clause that states it: 具体任务均涉及…,下同 does, a rule
 *                           opening with 以下 (below) does not
 */
record UnitList(List<String> leads, List<String> cos, List<String> coForLaterClauses, boolean ruleIncludesThis) {
}
