package cn.gov.supervision.tasks.importer;

import java.util.List;

/**
 * The units a lead-unit note or a unit cell names.
 *
 * @param leads              lead units, in document order, without duplicates
 * @param cos                co-responsible units, none of which is also a lead
 * @param coForLaterClauses  units that a rule such as 以下责任单位均包含各区县政府 makes co-responsible for the clauses
 *                           that follow (not for the clause that states it)
 */
record UnitList(List<String> leads, List<String> cos, List<String> coForLaterClauses) {
}
