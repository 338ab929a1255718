package cn.gov.supervision.tasks.importer;

import java.util.regex.Pattern;

/**
 * A page's number printed in its header or footer: - 3 -, — 3 —, 第3页, 第 3 页 共 10 页, 共10页 第3页, 3/10. Never the
 * plan's text: between the parts of a table cut by a page break it would end the table. Read the same way in a PDF
 * (a line of its own on the page) and in a text copy of a printed plan (a line between rows).
 */
public final class PageNumbers {

    private static final Pattern DASHED = Pattern.compile("[-—–－]+\\d{1,4}[-—–－]+|[-—–－]\\d{1,4}");

    private static final Pattern PAGE_OF_PAGES = Pattern.compile(
            "第\\d{1,4}页(?:[,，/]?共\\d{1,4}页)?|共\\d{1,4}页[,，/]?第\\d{1,4}页|\\d{1,4}/\\d{1,4}");

    private PageNumbers() {
    }

    /** Whether a whole line (or a PDF's run of text) is only a page number. */
    public static boolean is(String text) {
        if (text.length() > 40) {
            return false;
        }
        String bare = text.replaceAll("\\s", "");
        return DASHED.matcher(bare).matches() || PAGE_OF_PAGES.matcher(bare).matches();
    }
}
