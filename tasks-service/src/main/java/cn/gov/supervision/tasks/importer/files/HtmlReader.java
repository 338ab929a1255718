package cn.gov.supervision.tasks.importer.files;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * A plan published as a web page. jsoup only parses: it fetches nothing (no image, frame, script or stylesheet is
 * ever loaded) and knows no external entities. The page's charset comes from the request, else from its
 * {@code <meta charset>} (many government sites still serve GB2312/GBK), else UTF-8.
 */
final class HtmlReader {

    /** Never text of the plan: code, styles, and what a browser shows instead of an object. */
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "noscript", "template", "iframe",
            "object", "embed", "svg", "math", "select", "button", "input", "textarea");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
            "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
            "center", "form", "fieldset", "address", "figure", "figcaption", "caption", "hr", "body");

    private final TextLines out;
    private final StringBuilder line = new StringBuilder();

    private HtmlReader(TextLines out) {
        this.out = out;
    }

    static String read(byte[] page, String charset, FileLimits limits) {
        checkSize(page, limits);
        Document document;
        try {
            // the parser's own depth limit keeps a page of a million nested elements from exhausting the stack
            document = Jsoup.parse(new ByteArrayInputStream(page), charset, "", Parser.htmlParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TextLines out = new TextLines(limits);
        HtmlReader reader = new HtmlReader(out);
        reader.walk(document.body());
        reader.endLine();
        return out.text();
    }

    /**
     * Counts tags on the bytes before parsing, in constant memory: a page of a million cells is refused without
     * building the million elements it would take.
     */
    private static void checkSize(byte[] page, FileLimits limits) {
        long elements = 0;
        long cells = 0;
        for (int i = 0; i + 1 < page.length; i++) {
            if (page[i] != '<') {
                continue;
            }
            int next = page[i + 1] | 0x20;
            if (next >= 'a' && next <= 'z') {
                elements++;
                if (next == 't' && i + 2 < page.length && ((page[i + 2] | 0x20) == 'd' || (page[i + 2] | 0x20) == 'h')) {
                    cells++;
                }
            }
        }
        if (cells > limits.maxTableCells() || elements > 4L * limits.maxTableCells()) {
            throw FileProblems.tooLarge("The page has " + cells + " table cells and " + elements + " elements; a work "
                    + "plan has far fewer (at most " + limits.maxTableCells() + " cells are read)");
        }
    }

    private void walk(Node node) {
        if (node instanceof TextNode text) {
            line.append(text.getWholeText());
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.normalName();
        if (SKIPPED.contains(tag)) {
            return;
        }
        if (tag.equals("br")) {
            endLine();
            return;
        }
        if (tag.equals("table")) {
            endLine();
            table(element);
            return;
        }
        boolean block = BLOCKS.contains(tag) || tag.equals("tr") || tag.equals("td") || tag.equals("th");
        if (block) {
            endLine();
        }
        for (Node child : element.childNodes()) {
            walk(child);
        }
        if (block) {
            endLine();
        }
    }

    /**
     * A table of data becomes rows; a table used only to lay out the page (its cells hold other tables, or it has a
     * single column) is read as the blocks it holds.
     */
    private void table(Element table) {
        var rows = table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr");
        boolean layoutOnly = !table.select("td table, th table").isEmpty()
                || rows.stream().allMatch(tr -> tr.select("> td, > th").size() <= 1);
        if (layoutOnly) {
            for (Node child : table.childNodes()) {
                walk(child);
            }
            endLine();
            return;
        }
        TableGrid grid = new TableGrid(out);
        for (Element tr : rows) {
            grid.startRow();
            for (Element cell : tr.select("> td, > th")) {
                grid.cell(cell.text(), span(cell, "colspan"), span(cell, "rowspan"));
            }
            grid.endRow();
        }
        grid.finish();
    }

    private static int span(Element cell, String attribute) {
        String value = cell.attr(attribute).strip();
        try {
            return value.isEmpty() ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void endLine() {
        out.line(line.toString());
        line.setLength(0);
    }
}
