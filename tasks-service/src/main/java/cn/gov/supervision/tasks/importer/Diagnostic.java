package cn.gov.supervision.tasks.importer;

/**
 * Something the parser noticed about the document.
 *
 * @param line     1-based line it concerns; 0 when it concerns the whole document
 * @param severity ERROR: something the document meant was lost; WARNING: kept, but possibly wrong; INFO: for the record
 * @param code     machine-readable, UPPER_SNAKE, e.g. UNPARSED_DEADLINE
 * @param message  for a person
 * @param text     the source text it quotes (shortened when long), "" when none
 */
public record Diagnostic(int line, Severity severity, String code, String message, String text) {

    public enum Severity { INFO, WARNING, ERROR }
}
