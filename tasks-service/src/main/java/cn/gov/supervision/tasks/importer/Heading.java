package cn.gov.supervision.tasks.importer;

/**
 * A line that opens a part of a plan: a section (一、…), an item ((一)… or （一）…) or an attachment (附件1 …).
 * Recognized by hand rather than by regular expression so that a line of a megabyte costs nothing.
 *
 * @param kind      which part it opens
 * @param numeral   the part's number as written: 一 for 一、 and (一), 1 for 附件1 (附件一 gives 1 too)
 * @param textStart index in the line where the text after the marker begins
 */
record Heading(Kind kind, String numeral, int textStart) {

    enum Kind { SECTION, ITEM, ATTACHMENT }

    /** An attachment heading is a short line of its own; a paragraph that starts with 附件1 is not one. */
    private static final int LONGEST_ATTACHMENT_HEADING = 120;
    private static final int LONGEST_NUMERAL = 4;

    /** The heading the line opens with, or null when it opens with none. */
    static Heading of(String line) {
        int start = skipSpaces(line, 0);
        if (start >= line.length()) {
            return null;
        }
        char first = line.charAt(start);
        if (first == '(' || first == '（') {
            int end = numeralEnd(line, start + 1);
            if (end > start + 1 && end < line.length() && (line.charAt(end) == ')' || line.charAt(end) == '）')) {
                return new Heading(Kind.ITEM, line.substring(start + 1, end), end + 1);
            }
            return null;
        }
        int end = numeralEnd(line, start);
        if (end > start && end < line.length() && line.charAt(end) == '、') {
            return new Heading(Kind.SECTION, line.substring(start, end), end + 1);
        }
        if (line.startsWith("附件", start) && line.length() <= LONGEST_ATTACHMENT_HEADING) {
            return attachment(line, skipSpaces(line, start + 2));
        }
        return null;
    }

    /** The prefix of the codes of the tasks under this heading: (一) for an item, 一 for a section, 附件1. */
    String codePrefix() {
        return switch (kind) {
            case ITEM -> "(" + numeral + ")";
            case SECTION -> numeral;
            case ATTACHMENT -> "附件" + numeral;
        };
    }

    private static Heading attachment(String line, int numberStart) {
        int end = numberStart;
        while (end < line.length() && end - numberStart < 3 && Character.isDigit(line.charAt(end))) {
            end++;
        }
        String number;
        if (end > numberStart) {
            number = Integer.toString(Integer.parseInt(line.substring(numberStart, end)));
        } else {
            end = numeralEnd(line, numberStart);
            int value = end > numberStart ? ChineseNumber.valueOf(line.substring(numberStart, end)) : -1;
            if (value < 1) {
                return null;
            }
            number = Integer.toString(value);
        }
        if (end < line.length() && Character.isDigit(line.charAt(end))) {
            return null;
        }
        int textStart = end;
        while (textStart < line.length() && ":：.．、 \t\u3000".indexOf(line.charAt(textStart)) >= 0) {
            textStart++;
        }
        return new Heading(Kind.ATTACHMENT, number, textStart);
    }

    private static int numeralEnd(String line, int from) {
        int end = from;
        while (end < line.length() && end - from < LONGEST_NUMERAL && ChineseNumber.isNumeral(line.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && (Character.isWhitespace(line.charAt(i)) || Character.isSpaceChar(line.charAt(i)))) {
            i++;
        }
        return i;
    }
}
