/**
 * Plans as published, turned into the text the importer's parser reads ({@code importer.WorkPlanParser}).
 *
 * <p>{@link cn.gov.supervision.tasks.importer.files.PublishedDocuments} tells a file's type by its first bytes (the
 * declared media type only tells HTML from text) and hands it to one reader: {@code HtmlReader} (jsoup),
 * {@code DocxReader} and {@code XlsxReader} (Apache POI), {@code PdfReader} (Apache PDFBox, tables rebuilt from their
 * ruling lines by {@code PdfRulings}). Each writes {@code TextLines}: a paragraph per line, a table row as
 * {@code 1 | 任务 | 单位 | 9月底前 |}, the layout the text reader's {@code TableReader} knows; {@code TableGrid} lays out
 * merged cells the same way for every format (merged down: repeated in each row; merged across: followed by empty
 * cells). Every bound ({@code FileLimits}, from {@code tasks.import-files.*}) is checked before the work it bounds,
 * and every failure is a 4xx problem ({@code FileProblems}).
 */
package cn.gov.supervision.tasks.importer.files;
