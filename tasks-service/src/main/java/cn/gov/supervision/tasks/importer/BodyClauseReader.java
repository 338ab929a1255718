package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.TaskCategory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of a plan: sections (一、…), items ((一)…) and, in each, the clauses that end with their lead units,
 * (牵头单位:…). Each such clause is a WORK_POINT task. An item's heading is its first sentence; text outside any item
 * (below a section heading, or before the first) is read the same way. Attachments (from a 附件 line to the next
 * section or item) and table rows are left to the {@link TableReader}.
 */
final class BodyClauseReader {

    private static final int LONGEST_TITLE = 60;
    private static final int LONGEST_HEADING = 80;
    private static final String PREAMBLE_PREFIX = "正文";

    private final DocumentLines lines;
    private final UnitListParser unitListParser;
    private final TaskCollector tasks;
    private final Diagnostics diagnostics;

    /** Units that a rule such as 以下责任单位均包含各区县政府 made co-responsible for every later clause. */
    private final Set<String> coForLaterClauses = new LinkedHashSet<>();
    private String sectionTitle;
    private String sectionNumeral;

    BodyClauseReader(DocumentLines lines, TaskCollector tasks, Diagnostics diagnostics) {
        this.lines = lines;
        this.tasks = tasks;
        this.diagnostics = diagnostics;
        this.unitListParser = new UnitListParser(ImportVocabulary.statesFirstListedLeads(lines));
    }

    void read() {
        Group group = null;
        boolean inAttachments = false;
        for (int i = 0; i < lines.count() && !tasks.stopped(); i++) {
            String text = lines.text(i);
            Heading heading = Heading.of(text);
            if (heading != null && heading.kind() != Heading.Kind.ATTACHMENT) {
                readClauses(group);
                inAttachments = false;
                if (heading.kind() == Heading.Kind.SECTION) {
                    sectionTitle = headingTitle(text, heading, new UnitNoteScanner(text).next());
                    sectionNumeral = heading.numeral();
                }
                group = new Group(heading, i, text);
            } else if (heading != null || isAttachmentList(text)) {
                readClauses(group);
                group = null;
                inAttachments = true;
            } else if (PipeRow.isRow(text)) {
                readClauses(group);
                group = null;
            } else if (group != null) {
                group.append(text);
            } else if (!inAttachments) {
                group = new Group(null, i, text);
            }
        }
        readClauses(group);
    }

    /** 附件:1.…清单, the list of attachments that ends the body. */
    private static boolean isAttachmentList(String line) {
        return line.stripLeading().startsWith("附件");
    }

    /** A section's or an item's heading line up to its first sentence's end, e.g. (一)聚焦…提升公开水平. */
    private static String headingTitle(String text, Heading heading, UnitNote firstNote) {
        int end = headingEnd(text, heading.textStart(), firstNote);
        return TextForms.shorten(TextForms.readable(text.substring(0, end)), LONGEST_HEADING);
    }

    /** A heading's first sentence ends at its 。, at the first unit note, or with its line. */
    private static int headingEnd(String text, int from, UnitNote firstNote) {
        int lineEnd = text.indexOf('\n', from);
        int end = lineEnd < 0 ? text.length() : lineEnd;
        int stop = text.indexOf('。', from);
        if (stop >= 0 && stop < end) {
            end = stop;
        }
        return firstNote == null ? end : Math.max(from, Math.min(end, firstNote.open()));
    }

    private void readClauses(Group group) {
        if (group == null || tasks.stopped()) {
            return;
        }
        // A line break after the last line lets a last line of its own (责任单位:…) be read as a note.
        String text = group.text + "\n";
        UnitNoteScanner notes = new UnitNoteScanner(text);
        UnitNote first = notes.next();
        if (first == null) {
            return;
        }
        Heading heading = group.heading;
        int bodyStart = heading == null ? 0 : heading.textStart();
        int clauseStart = bodyStart;
        String section = sectionTitle == null ? PREAMBLE_PREFIX : sectionTitle;
        String prefix = sectionNumeral == null ? PREAMBLE_PREFIX : sectionNumeral;
        if (heading != null) {
            clauseStart = headingEnd(text, bodyStart, first);
            if (clauseStart < text.length() && text.charAt(clauseStart) == '。') {
                clauseStart++;
            }
            prefix = heading.codePrefix();
            if (heading.kind() == Heading.Kind.ITEM) {
                String itemTitle = headingTitle(text, heading, first);
                section = sectionTitle == null ? itemTitle : sectionTitle + " > " + itemTitle;
            }
        }
        for (UnitNote note = first; note != null; note = notes.next()) {
            int start = clauseStart;
            clauseStart = note.end();
            if (note == first && !TextForms.hasContent(text.substring(start, note.open()))) {
                // An item whose only sentence is its heading: (十五)做好…工作。(牵头单位:…)
                start = bodyStart;
            }
            while (start < note.open() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            int line = DocumentLines.number(group.lineIndexAt(start));
            if (!TextForms.hasContent(text.substring(start, note.open()))) {
                diagnostics.warning(line, "EMPTY_CLAUSE", "a unit note follows no task text", text.substring(start,
                        note.end()));
                continue;
            }
            if (!tasks.accepts(line)) {
                return;
            }
            tasks.add(clause(prefix, section, text.substring(start, note.open()), text.substring(start, note.end()),
                    note, line));
        }
    }

    private ParsedTask clause(String prefix, String section, String source, String original, UnitNote note,
                              int line) {
        UnitList units = unitListParser.parse(note.contents());
        Set<String> cos = new LinkedHashSet<>(units.cos());
        cos.addAll(coForLaterClauses);
        if (units.ruleIncludesThis()) {
            cos.addAll(units.coForLaterClauses());
        }
        cos.removeAll(units.leads());
        if (!units.coForLaterClauses().isEmpty() && coForLaterClauses.addAll(units.coForLaterClauses())) {
            diagnostics.info(line, "CO_RESPONSIBILITY_RULE", String.join("、", units.coForLaterClauses())
                    + " is co-responsible for every later clause of the body", String.join(";", note.contents()));
        }
        String description = TextForms.readable(source);
        int sentenceEnd = description.indexOf('。');
        String title = TextForms.shorten(sentenceEnd < 0 ? description : description.substring(0, sentenceEnd),
                LONGEST_TITLE);
        return new ParsedTask(tasks.nextCode(prefix), TaskCategory.WORK_POINT, section, title, description,
                units.leads(), new ArrayList<>(cos), ParsedDeadline.none(""), original, line);
    }

    /** The lines of one section, item or stretch of loose text, joined as they stand. */
    private static final class Group {
        private final Heading heading;
        private final int firstLine;
        private final StringBuilder text = new StringBuilder();
        private final List<Integer> lineStarts = new ArrayList<>();

        Group(Heading heading, int firstLine, String firstText) {
            this.heading = heading;
            this.firstLine = firstLine;
            lineStarts.add(0);
            text.append(firstText);
        }

        void append(String line) {
            text.append('\n');
            lineStarts.add(text.length());
            text.append(line);
        }

        /** The 0-based document line of an offset in the group's text. */
        int lineIndexAt(int offset) {
            int low = 0;
            int high = lineStarts.size() - 1;
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (lineStarts.get(middle) <= offset) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            return firstLine + low;
        }
    }
}
