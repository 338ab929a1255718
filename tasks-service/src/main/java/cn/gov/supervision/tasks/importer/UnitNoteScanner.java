package cn.gov.supervision.tasks.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the unit notes of a text, in order, one at a time: a reader that stops early (enough tasks taken) never pays
 * for checking the parentheses it did not reach. Parentheses are paired in one pass, so no text can make this slow.
 */
final class UnitNoteScanner {

    /** A unit list is a line or two; a longer parenthesis is prose, or a note whose ) was lost. */
    private static final int LONGEST_NOTE = 1000;

    /** Enough of a note's opening to hold its label, even with converter pinyin after each character. */
    private static final int LABEL_WINDOW = 60;

    /** Characters a unit label (牵头, 责任, 配合, 协办, 参与, 主要责任单位) can start with, in either script. */
    private static final String LABEL_STARTS = "牵牽责責配协協参參主";

    /** (牵头单位:…)(责任单位:…)(配合单位:…) is as many notes as one clause has. */
    private static final int MOST_JOINED = 3;

    /** The last characters of the words that close an unlabelled list (负责落实, 牵头, 配合), in either script. */
    private static final String TAIL_ENDS = "实實责責头頭合";

    private final UnitListParser unitListParser = new UnitListParser();
    private final String text;
    private final long[] pairs;
    private int nextPair;
    private int scannedTo;
    /** The pair that ended the previous note by not joining it: already known to be a unit list. */
    private int checkedPair = -1;

    UnitNoteScanner(String text) {
        this.text = text;
        this.pairs = parenthesisPairs(text);
    }

    /** The next unit note, or null when there is none. */
    UnitNote next() {
        int noteOpen = -1;
        int noteEnd = -1;
        List<String> contents = new ArrayList<>();
        while (nextPair < pairs.length) {
            int open = (int) (pairs[nextPair] >>> 32);
            int close = (int) pairs[nextPair];
            if (open < scannedTo || (nextPair != checkedPair && !isUnitList(open, close))) {
                nextPair++;
                continue;
            }
            boolean joins = !contents.isEmpty() && contents.size() < MOST_JOINED
                    && !TextForms.hasContent(text.substring(noteEnd, open));
            if (!contents.isEmpty() && !joins) {
                checkedPair = nextPair;
                break;
            }
            if (contents.isEmpty()) {
                noteOpen = open;
            }
            contents.add(text.substring(open + 1, close));
            noteEnd = close + 1;
            scannedTo = noteEnd;
            nextPair++;
        }
        return contents.isEmpty() ? null : new UnitNote(noteOpen, noteEnd, List.copyOf(contents));
    }

    private boolean isUnitList(int open, int close) {
        if (close - open > LONGEST_NOTE) {
            return false;
        }
        int first = open + 1;
        while (first < close && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        if (first == close) {
            return false;
        }
        if (LABEL_STARTS.indexOf(text.charAt(first)) < 0) {
            return isUnlabelledList(first, close);
        }
        String opening = text.substring(first, Math.min(close, first + LABEL_WINDOW));
        int colon = firstColon(opening);
        if (colon < 0) {
            return isUnlabelledList(first, close);
        }
        // Simplified documents need no conversion to tell; traditional ones, and converter pinyin, do: only the label.
        String label = opening.substring(0, colon + 1);
        return UnitListParser.opensWithLabel(label) || UnitListParser.opensWithLabel(TextForms.readable(label));
    }

    /** (市交通委负责落实), (A、B牵头,C等配合): converted only when the bracket ends in one of those words' last characters. */
    private boolean isUnlabelledList(int first, int close) {
        int last = close - 1;
        while (last > first && "。.;；".indexOf(text.charAt(last)) >= 0) {
            last--;
        }
        return TAIL_ENDS.indexOf(text.charAt(last)) >= 0
                && unitListParser.isUnlabelledList(TextForms.readable(text.substring(first, close)));
    }

    private static int firstColon(String text) {
        int ascii = text.indexOf(':');
        int wide = text.indexOf('：');
        return ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
    }

    /**
     * Matching parentheses (ASCII, full-width, or the 〔〕 some plans use) as (open << 32 | close), ordered by their
     * opening, and each line that opens with a unit label (牵头单位:…) as if it stood in parentheses: from the line
     * break before it to the one after it. The text must end with a line break for its last line to count.
     */
    private static long[] parenthesisPairs(String text) {
        long[] pairs = new long[16];
        int count = 0;
        int[] openings = new int[16];
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && i > 0) {
                int lineEnd = text.indexOf('\n', i + 1);
                if (lineEnd > 0 && opensWithLabelCharacter(text, i + 1, lineEnd)) {
                    if (count == pairs.length) {
                        pairs = Arrays.copyOf(pairs, count * 2);
                    }
                    pairs[count++] = ((long) i << 32) | lineEnd;
                }
            } else if (c == '(' || c == '（' || c == '〔') {
                if (depth == openings.length) {
                    openings = Arrays.copyOf(openings, depth * 2);
                }
                openings[depth++] = i;
            } else if ((c == ')' || c == '）' || c == '〕') && depth > 0) {
                if (count == pairs.length) {
                    pairs = Arrays.copyOf(pairs, count * 2);
                }
                pairs[count++] = ((long) openings[--depth] << 32) | i;
            }
        }
        long[] ordered = Arrays.copyOf(pairs, count);
        // A pair for a labelled line and one for a bracket inside it start apart; sorting keeps the line first.
        Arrays.sort(ordered);
        return ordered;
    }

    /** Whether the line from {@code from} to {@code to} starts, after spaces, with a character a unit label starts with. */
    private static boolean opensWithLabelCharacter(String text, int from, int to) {
        int first = from;
        while (first < to && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        return first < to && LABEL_STARTS.indexOf(text.charAt(first)) >= 0;
    }
}
