package cn.gov.supervision.tasks.importer;

import java.util.ArrayList;
import java.util.List;

/** A document cut into its lines, whatever its line breaks (\n, \r\n or \r). */
final class DocumentLines {

    private final List<String> lines;

    private DocumentLines(List<String> lines) {
        this.lines = lines;
    }

    static DocumentLines of(String document) {
        List<String> lines = new ArrayList<>();
        int start = document.startsWith("\uFEFF") ? 1 : 0;
        int length = document.length();
        for (int i = start; i < length; i++) {
            char c = document.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(document.substring(start, i));
                if (c == '\r' && i + 1 < length && document.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < length) {
            lines.add(document.substring(start));
        }
        return new DocumentLines(lines);
    }

    int count() {
        return lines.size();
    }

    /** The text of the line at a 0-based index, without its line break. */
    String text(int index) {
        return lines.get(index);
    }

    /** The 1-based number people and diagnostics use for the line at a 0-based index. */
    static int number(int index) {
        return index + 1;
    }

    /** Lines {@code from} to {@code to} (0-based, inclusive) joined as they stand in the document. */
    String span(int from, int to) {
        return String.join("\n", lines.subList(from, to + 1));
    }
}
