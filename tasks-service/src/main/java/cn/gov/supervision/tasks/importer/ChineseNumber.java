package cn.gov.supervision.tasks.importer;

/** Chinese numerals as plans number their parts and months: 一 … 十二 … 九十九. */
final class ChineseNumber {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumber() {
    }

    static boolean isNumeral(char c) {
        return DIGITS.indexOf(c) >= 0 || c == '零' || c == '十' || c == '两';
    }

    /** The value of 一 … 九十九, or -1 when the text is not such a numeral. */
    static int valueOf(String numeral) {
        int tens = numeral.indexOf('十');
        if (tens < 0) {
            return numeral.length() == 1 ? digit(numeral.charAt(0)) : -1;
        }
        int high = tens == 0 ? 1 : tens == 1 ? digit(numeral.charAt(0)) : -1;
        String rest = numeral.substring(tens + 1);
        int low = rest.isEmpty() ? 0 : rest.length() == 1 ? digit(rest.charAt(0)) : -1;
        return high < 1 || low < 0 ? -1 : high * 10 + low;
    }

    private static int digit(char c) {
        int value = c == '两' ? 2 : c == '零' ? 0 : DIGITS.indexOf(c);
        return value;
    }
}
