package cn.gov.supervision.tasks.importer;

import java.time.LocalDate;

/**
 * What a plan says about itself. Every field may be null when the document does not say it.
 *
 * @param title         e.g. 2022年全市政务公开工作要点, simplified
 * @param year          the year the plan's relative deadlines (9月底前, 全年) fall in
 * @param issuer        发布机构, simplified
 * @param documentIndex 索引号, e.g. 330523/2022-06006
 * @param publishedOn   成文日期
 */
public record PlanHeader(String title, Integer year, String issuer, String documentIndex, LocalDate publishedOn) {
}
