package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.importer.Diagnostic.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the parser notices. A garbage document can repeat the same problem on every one of a million lines,
 * so each code is kept only so many times and the rest are counted.
 */
final class Diagnostics {

    private static final int MOST_KEPT_PER_CODE = 100;
    private static final int LONGEST_QUOTE = 200;

    private final List<Diagnostic> kept = new ArrayList<>();
    private final Map<String, Integer> seenPerCode = new LinkedHashMap<>();

    void info(int line, String code, String message, String text) {
        add(line, Severity.INFO, code, message, text);
    }

    void warning(int line, String code, String message, String text) {
        add(line, Severity.WARNING, code, message, text);
    }

    void error(int line, String code, String message, String text) {
        add(line, Severity.ERROR, code, message, text);
    }

    /**
     * Everything kept, by line (notes on the whole document first; the same line in the order noticed), followed by
     * one note per code that was noticed too often to keep.
     */
    List<Diagnostic> list() {
        List<Diagnostic> all = new ArrayList<>(kept);
        all.sort(Comparator.comparingInt(Diagnostic::line));
        seenPerCode.forEach((code, seen) -> {
            if (seen > MOST_KEPT_PER_CODE) {
                all.add(new Diagnostic(0, Severity.INFO, "DIAGNOSTICS_LEFT_OUT",
                        (seen - MOST_KEPT_PER_CODE) + " more " + code + " diagnostics were left out", code));
            }
        });
        return all;
    }

    private void add(int line, Severity severity, String code, String message, String text) {
        int seen = seenPerCode.merge(code, 1, Integer::sum);
        if (seen <= MOST_KEPT_PER_CODE) {
            String quote = text == null ? "" : TextForms.shorten(text, LONGEST_QUOTE);
            kept.add(new Diagnostic(line, severity, code, message, quote));
        }
    }
}
