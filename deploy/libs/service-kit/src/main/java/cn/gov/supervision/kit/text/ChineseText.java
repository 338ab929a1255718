package cn.gov.supervision.kit.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chinese text as the services store and compare it: simplified characters (OpenCC's phrase dictionaries, not a
 * hand-made table), and for matching a key that ignores width, spacing and letter case.
 */
public final class ChineseText {

    /** Any kind of white space, including the ideographic space U+3000 and no-break spaces. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000\\uFEFF]+");

    /**
     * A converter left pinyin after characters of published documents: 發(fā)展 means 發展. Only a parenthesised
     * lower-case syllable carrying a tone mark, right after a CJK character, is such an annotation; real parentheses
     * such as (牽頭單位:…) or (一) never match.
     */
    private static final Pattern PINYIN_ANNOTATION = Pattern.compile(
            "(?<=\\p{IsHan})\\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\\)");

    private ChineseText() {
    }

    public static String removePinyinAnnotations(String text) {
        return text == null ? null : PINYIN_ANNOTATION.matcher(text).replaceAll("");
    }

    /** Traditional → simplified; text that is already simplified (or not Chinese) comes back unchanged. */
    public static String toSimplified(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return ZhConverterUtil.toSimple(text);
    }

    /** Simplified and trimmed, with runs of spaces folded to one: the form names and titles are stored in. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        return SPACES.matcher(toSimplified(text)).replaceAll(" ").strip();
    }

    /**
     * The comparison key: simplified, NFKC (full-width letters, digits and punctuation become ASCII), no spaces at
     * all (real documents split names with stray spaces, e.g. 市 司法局), lower case.
     */
    public static String matchKey(String text) {
        if (text == null) {
            return "";
        }
        String normalized = Normalizer.normalize(toSimplified(text), Normalizer.Form.NFKC);
        return SPACES.matcher(normalized).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
