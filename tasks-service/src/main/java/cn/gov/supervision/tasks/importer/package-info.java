/**
 * Reads a published government work plan (工作要点), as plain text copied from the government site, into tasks for
 * supervision: {@link cn.gov.supervision.tasks.importer.WorkPlanParser} is the entry point,
 * {@link cn.gov.supervision.tasks.importer.DeadlineParser} understands deadlines written in words.
 *
 * <p>Real inputs are traditional or simplified, carry pinyin left by converters (發(fā)展), lost characters (名??稱)
 * and stray spaces (市 司法局). Structure (lines, pipes, brackets, 。) is found on the text as published; only what is
 * kept or compared is converted to simplified, since conversion is by far the costliest step. Everything the parser
 * could not understand is reported as a {@link cn.gov.supervision.tasks.importer.Diagnostic}; it never throws.
 */
package cn.gov.supervision.tasks.importer;
