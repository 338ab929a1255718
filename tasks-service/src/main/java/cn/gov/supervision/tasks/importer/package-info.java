/**
 * Reads a published government work plan (工作要点), as text copied from the government site or as the file it was
 * published as (HTML, .docx, .xlsx, PDF: {@code importer.files} turns each into the same lines), into tasks for
 * supervision, and stores them.
 *
 * <h2>Reading order</h2>
 * <ol>
 * <li><b>Where a document enters.</b> {@code rest.PlanImportResource} ({@code POST /api/v1/plans/import}, a text body
 * or a multipart file) has {@code importer.files.PublishedDocuments} tell the file's type from its content and turn it
 * into text lines, and hands them to {@link cn.gov.supervision.tasks.importer.PlanImporter},
 * which runs the steps below and stores the result in one transaction, or only previews it ({@code dryRun}).</li>
 * <li><b>Parsing</b>, pure and without I/O: {@link cn.gov.supervision.tasks.importer.WorkPlanParser} cuts the text into
 * {@link cn.gov.supervision.tasks.importer.DocumentLines}, then
 * <ul>
 * <li>{@link cn.gov.supervision.tasks.importer.HeaderReader} reads what the plan says about itself (title, year,
 * 索引号, 成文日期, 发布机构) into a {@link cn.gov.supervision.tasks.importer.PlanHeader};</li>
 * <li>{@link cn.gov.supervision.tasks.importer.BodyClauseReader} reads the body: sections and items
 * ({@link cn.gov.supervision.tasks.importer.Heading}) and the clauses ending in their lead units, which
 * {@link cn.gov.supervision.tasks.importer.UnitNoteScanner} finds ((牵头单位:…));</li>
 * <li>{@link cn.gov.supervision.tasks.importer.TableReader} reads the attachments' task lists, as pipe rows
 * ({@link cn.gov.supervision.tasks.importer.PipeRow}) or one cell per line
 * ({@link cn.gov.supervision.tasks.importer.CellPerLineTable}, or {@link cn.gov.supervision.tasks.importer.CellStream}
 * when nothing marks a row's end but its last cell); rows whose cells are not one for one with the header (merged
 * cells, a 序号 without header, trailing empty cells) are lined up by
 * {@link cn.gov.supervision.tasks.importer.RowAligner}; columns are known by their header
 * ({@link cn.gov.supervision.tasks.importer.TableLayout}, {@link cn.gov.supervision.tasks.importer.Column}), and
 * {@link cn.gov.supervision.tasks.importer.TableRowInterpreter} turns each row into a task;</li>
 * <li>in both, {@link cn.gov.supervision.tasks.importer.UnitListParser} splits a unit list into lead and
 * co-responsible unit <em>names</em> (kit.text.Brackets says which brackets hold an alias or a note), and
 * {@link cn.gov.supervision.tasks.importer.DeadlineParser} understands deadlines written in words (9月底前, 全年);</li>
 * <li>the words all of these understand (column headers, unit labels, the tails of a unit clause such as 负责落实, the
 * rules such as 以下…均包含) are listed, with their reasons, in one place:
 * {@link cn.gov.supervision.tasks.importer.ImportVocabulary};</li>
 * <li>{@link cn.gov.supervision.tasks.importer.TaskCollector} numbers the tasks, and the result is a
 * {@link cn.gov.supervision.tasks.importer.ParsedPlan} of {@link cn.gov.supervision.tasks.importer.ParsedTask}s with
 * a {@link cn.gov.supervision.tasks.importer.Diagnostic} for everything not understood. The parser never throws.</li>
 * </ul></li>
 * <li><b>Where units are resolved.</b> Not here: the parser only keeps names as written.
 * {@link cn.gov.supervision.tasks.importer.ImportedUnitNames} sends them to units-service
 * ({@code POST /api/v1/units/resolve}), whose {@code UnitNameResolver} is the one authority on what a name denotes,
 * and creates the unknown ones there when asked ({@code createMissingUnits}).</li>
 * <li><b>Storing</b>: {@link cn.gov.supervision.tasks.importer.PlanImporter} finds an earlier import of the same
 * document (索引号, else title and year: 409, or {@code replace}), then creates or updates the plan and its tasks
 * through {@code service.TaskService}, so imported tasks get the same assignments, history and events as tasks
 * created by hand.</li>
 * <li><b>The answer</b>: {@link cn.gov.supervision.tasks.importer.ImportReport} builds the {@code api.ImportResult}.</li>
 * </ol>
 *
 * <p>Real inputs are traditional or simplified, carry pinyin left by converters (發(fā)展), lost characters (名??稱)
 * and stray spaces (市 司法局). Structure (lines, pipes, brackets, 。) is found on the text as published; only what is
 * kept or compared is converted to simplified ({@link cn.gov.supervision.tasks.importer.TextForms}), since conversion
 * is by far the costliest step.
 */
package cn.gov.supervision.tasks.importer;
