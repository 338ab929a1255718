package cn.gov.supervision.tasks.importer.files;

/**
 * The text a file is read into, line by line, in the layout the text reader knows: a paragraph per line, a table row
 * as {@code 1 | 任务 | 单位 | 9月底前 |}. Counts what it takes, so that no file turns into more text or more cells
 * than the limits allow, whatever it claims.
 */
final class TextLines {

    private final StringBuilder text = new StringBuilder();
    private final FileLimits limits;
    private int cells;

    TextLines(FileLimits limits) {
        this.limits = limits;
    }

    /** Adds a line of text; a blank one is dropped, line breaks inside become spaces. */
    void line(String line) {
        String clean = oneLine(line);
        if (!clean.isEmpty()) {
            append(clean);
        }
    }

    /** Counts cells before they are built, so that a table of a million cells stops at the limit, not after. */
    void countCells(int count) {
        cells += count;
        if (cells > limits.maxTableCells()) {
            throw FileProblems.tooLarge("The document's tables have more than " + limits.maxTableCells()
                    + " cells; a work plan has far fewer");
        }
    }

    void row(java.util.List<String> cellTexts) {
        StringBuilder row = new StringBuilder();
        for (String cell : cellTexts) {
            row.append(cell(cell)).append(" | ");
        }
        append(row.toString().strip());
    }

    String text() {
        return text.toString();
    }

    boolean isBlank() {
        return text.toString().isBlank();
    }

    /** A cell's text on one line, with no pipe of its own that would split it. */
    static String cell(String text) {
        return oneLine(text).replace('|', '｜');
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // U+3000 is kept: Chinese text indents with it, and the reader knows it
            if (c == '\u00A0' || c != '\u3000' && Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private void append(String line) {
        if (text.length() + line.length() + 1 > limits.maxTextCharacters()) {
            throw FileProblems.tooLarge("The document holds more than " + limits.maxTextCharacters()
                    + " characters of text; a work plan has far fewer");
        }
        text.append(line).append('\n');
    }
}
