package cn.gov.supervision.kit.text;

/**
 * The brackets that hold an alias or a note after a unit name: 市委改革办﹝市政务办﹞, 各区县政府〔含南太湖新区管委会,下同〕.
 * The importer that reads a document's unit lists (tasks-service) and the resolver that reads one name
 * (units-service) must agree on them, or a name read whole by one is cut apart by the other.
 *
 * <p>The set is GB/T 15834-2011's brackets (圆括号（）, 方括号［］, 六角括号〔〕, 方头括号【】), their ASCII and
 * compatibility forms that converters and editors leave in published text (() [] ﹙﹚ ﹝﹞), the hollow 方头括号 〖〗 and
 * braces ({} ｛｝), which documents copied from spreadsheets carry. Book-title marks 《》〈〉 and corner quotes 「」『』 are
 * not brackets here: they quote a title or a term, they never qualify a name.
 */
public final class Brackets {

    /** Opening brackets; the closing one of each stands at the same index of {@link #CLOSING}. */
    public static final String OPENING = "(（﹙[［【〖〔﹝{｛";
    public static final String CLOSING = ")）﹚]］】〗〕﹞}｝";

    private Brackets() {
    }

    public static boolean opens(char c) {
        return OPENING.indexOf(c) >= 0;
    }

    public static boolean closes(char c) {
        return CLOSING.indexOf(c) >= 0;
    }
}
