package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.kit.text.ChineseText;

import java.util.regex.Pattern;

/**
 * The forms source text takes in the parser. Structure (lines, pipes, brackets, 。) is found on the source text itself;
 * only the pieces that are kept or compared are converted, because OpenCC converts about one megabyte a second and a
 * pasted document may be far larger than any plan.
 */
final class TextForms {

    /**
     * Source text beyond this length is cut before it is converted. The longest clause of a real plan is under a
     * thousand characters, pinyin included; the cut bounds the work a hostile document can cause.
     */
    static final int LONGEST_CONVERTED = 4000;

    /** Converter debris standing for characters that were lost: 名??称, or U+FFFD from a wrong decoding. */
    private static final Pattern LOST_CHARACTERS = Pattern.compile("[?？\\uFFFD]");

    /** Chinese names never contain spaces; a space next to a Han character is debris from line wrapping. */
    private static final Pattern SPACE_NEXT_TO_HAN = Pattern.compile("(?<=\\p{IsHan})\\s+|\\s+(?=\\p{IsHan})");

    private TextForms() {
    }

    /** Whether source text is short enough to be converted whole. */
    static boolean fits(String source) {
        return source.length() <= LONGEST_CONVERTED;
    }

    /** The stored form: pinyin annotations removed, simplified, trimmed, spaces folded. */
    static String readable(String source) {
        return ChineseText.clean(ChineseText.removePinyinAnnotations(cut(source)));
    }

    /**
     * The form labels and column headers are compared in: readable, then without width, spaces, case, lost-character
     * marks and trailing colons, so that 名??稱 matches 名称 and 發(fā)布機構(gòu): matches 发布机构.
     */
    static String key(String source) {
        // matchKey's NFKC has already turned a full-width colon into ':'.
        String key = LOST_CHARACTERS.matcher(ChineseText.matchKey(ChineseText.removePinyinAnnotations(cut(source))))
                .replaceAll("");
        int end = key.length();
        while (end > 0 && key.charAt(end - 1) == ':') {
            end--;
        }
        return key.substring(0, end);
    }

    /** A unit name as stored: readable, without the stray spaces of 市 司法局. */
    static String unitName(String readable) {
        return SPACE_NEXT_TO_HAN.matcher(readable).replaceAll("");
    }

    /** Text of at most {@code longest} characters, ending in … when it had to be cut. */
    static String shorten(String text, int longest) {
        if (text.length() <= longest) {
            return text;
        }
        int end = longest - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** Whether text says anything: has a letter, digit or Han character, not just spaces and punctuation. */
    static boolean hasContent(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String cut(String source) {
        return fits(source) ? source : source.substring(0, LONGEST_CONVERTED);
    }
}
