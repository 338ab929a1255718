package cn.gov.supervision.tasks.importer.files;

import cn.gov.supervision.tasks.importer.PageNumbers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as a text-based PDF, as word processors export it. A PDF knows no paragraphs and no tables, only text and
 * lines drawn at places, so both are rebuilt:
 * <ul>
 * <li>a table from its ruling lines ({@link PdfRulings}): the text inside a cell's borders is that cell, and a cell
 * whose borders enclose several rows or columns is a merged one, laid out by {@link TableGrid} like a .docx's;</li>
 * <li>a paragraph from its visual lines: a line continues the one above when it starts where that one started (or
 * left of it, after an indented first line) and that one was full, so its text wrapped rather than ended.</li>
 * </ul>
 * Read in memory only (no scratch file), and never past the configured number of pages.
 */
final class PdfReader {

    /**
     * A run of text drawn on one line, without a wide gap; y is its baseline, from the top of the page, and
     * charX where each of its characters starts.
     */
    record Chunk(String text, int page, float x, float endX, float y, float height, float[] charX) {

        /** The chunk cut where a table's border runs through it: two cells' texts drawn close together. */
        List<Chunk> splitAt(List<Float> borders) {
            List<Chunk> parts = new ArrayList<>();
            int start = 0;
            for (Float border : borders) {
                int cut = start;
                while (cut < text.length() && charX[cut] < border) {
                    cut++;
                }
                if (cut > start && cut < text.length()) {
                    parts.add(part(start, cut));
                    start = cut;
                }
            }
            parts.add(part(start, text.length()));
            parts.removeIf(part -> part.text().isBlank());
            return parts;
        }

        private Chunk part(int from, int to) {
            float partEnd = to < text.length() ? charX[to] : endX;
            return new Chunk(text.substring(from, to).strip(), page, charX[from], partEnd, y, height,
                    java.util.Arrays.copyOfRange(charX, from, to));
        }
    }

    private PdfReader() {
    }

    static String read(byte[] bytes, FileLimits limits) {
        if (!endsAsPdf(bytes)) {
            // PDFBox would rebuild what it can of a cut file, and the plan would lose its last pages unnoticed
            throw FileProblems.unreadable("PDF", "it does not end with %%EOF: it was cut short");
        }
        List<Chunk> chunks;
        Map<Integer, PdfRulings> rulings = new HashMap<>();
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(bytes.length * 4L + 1_000_000).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages > limits.maxPdfPages()) {
                throw FileProblems.tooLarge("The PDF has " + pages + " pages; at most " + limits.maxPdfPages()
                        + " are read");
            }
            ChunkCollector collector = new ChunkCollector();
            collector.setSortByPosition(false);
            collector.setEndPage(limits.maxPdfPages());
            collector.getText(document);
            chunks = collector.chunks;
            if (pages > 0 && chunks.stream().noneMatch(c -> c.text().codePoints().anyMatch(Character::isLetterOrDigit))) {
                throw FileProblems.noTextLayer();
            }
            int number = 0;
            for (PDPage page : document.getPages()) {
                if (++number > limits.maxPdfPages()) {
                    break;
                }
                rulings.put(number, PdfRulings.of(page));
            }
        } catch (InvalidPasswordException e) {
            throw FileProblems.unreadable("PDF", "it is protected by a password");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TextLines out = new TextLines(limits);
        new Layout(out, chunks, rulings).write();
        return out.text();
    }

    /** Writes chunks out in the order drawn: runs of chunks inside ruled cells as tables, the rest as paragraphs. */
    private static final class Layout {

        private final TextLines out;
        private final List<Chunk> chunks;
        private final Map<Integer, PdfRulings> rulings;
        private final Map<String, Float> widestEndAt = new HashMap<>();
        private final StringBuilder block = new StringBuilder();
        private Chunk previous;
        private boolean firstOfBlock;
        private final Map<PdfRulings.Cell, StringBuilder> table = new LinkedHashMap<>();
        private int tablePage;
        /** The table read so far, not yet written: it may go on at the top of the next page. */
        private TableGrid openTable;
        private int openTablePage;

        Layout(TextLines out, List<Chunk> chunks, Map<Integer, PdfRulings> rulings) {
            this.out = out;
            this.chunks = chunks;
            this.rulings = rulings;
        }

        void write() {
            List<Chunk> chunks = new ArrayList<>(this.chunks.size());
            for (Chunk chunk : this.chunks) {
                PdfRulings pageRulings = rulings.get(chunk.page());
                chunks.addAll(pageRulings == null ? List.of(chunk) : chunk.splitAt(pageRulings.bordersThrough(chunk)));
            }
            List<PdfRulings.Cell> cells = new ArrayList<>(chunks.size());
            for (Chunk chunk : chunks) {
                PdfRulings pageRulings = rulings.get(chunk.page());
                PdfRulings.Cell cell = pageRulings == null ? null : pageRulings.cellAt(chunk);
                cells.add(cell);
                if (cell == null) {
                    widestEndAt.merge(column(chunk), chunk.endX(), Math::max);
                }
            }
            for (int i = 0; i < chunks.size(); i++) {
                Chunk chunk = chunks.get(i);
                PdfRulings.Cell cell = cells.get(i);
                if (cell != null) {
                    endBlock();
                    if (!table.isEmpty() && tablePage != chunk.page()) {
                        endTable();
                    }
                    tablePage = chunk.page();
                    StringBuilder text = table.computeIfAbsent(cell, c -> new StringBuilder());
                    text.append(joiner(text, chunk.text())).append(chunk.text());
                } else if (!isPageNumber(chunk.text())) {
                    endTable();
                    writeOpenTable();
                    paragraphLine(chunk);
                }
            }
            endTable();
            writeOpenTable();
            endBlock();
        }

        private void writeOpenTable() {
            if (openTable != null) {
                openTable.finish();
                openTable = null;
            }
        }

        private void paragraphLine(Chunk chunk) {
            if (previous != null && continues(previous, chunk)) {
                block.append(joiner(block, chunk.text())).append(chunk.text());
                firstOfBlock = false;
            } else {
                endBlock();
                block.append(chunk.text());
                firstOfBlock = true;
            }
            previous = chunk;
        }

        private void endBlock() {
            out.line(block.toString());
            block.setLength(0);
            previous = null;
        }

        private void endTable() {
            if (table.isEmpty()) {
                return;
            }
            PdfRulings.Grid grid = PdfRulings.Grid.of(table.keySet());
            TableGrid rows = new TableGrid(out);
            for (int row = 0; row < grid.rowCount(); row++) {
                rows.startRow();
                for (var entry : table.entrySet()) {
                    PdfRulings.Cell cell = entry.getKey();
                    if (grid.top(cell) == row) {
                        rows.cellAt(grid.left(cell), entry.getValue().toString(), grid.right(cell) - grid.left(cell),
                                grid.bottom(cell) - grid.top(cell));
                    }
                }
                rows.endRow();
            }
            if (openTable != null && openTablePage == tablePage - 1) {
                openTable.continueWith(rows);
            } else {
                writeOpenTable();
                openTable = rows;
            }
            openTablePage = tablePage;
            table.clear();
        }

        /**
         * The next line of the same paragraph: just below (or at the top of the next page), starting where the
         * previous one started (or left of it, when that was an indented first line), and the previous line was
         * full: it ended about where the longest line starting there ends.
         */
        private boolean continues(Chunk above, Chunk line) {
            float height = Math.max(1, Math.max(above.height(), line.height()));
            boolean below = line.page() == above.page()
                    ? line.y() > above.y() + height * 0.5f && line.y() - above.y() < height * 2.2f
                    : line.page() == above.page() + 1;
            if (!below) {
                return false;
            }
            float shift = above.x() - line.x();
            boolean sameStart = Math.abs(shift) < height * 0.6f;
            boolean afterIndent = firstOfBlock && shift > height * 0.6f && shift < height * 4.5f;
            if (!sameStart && !afterIndent) {
                return false;
            }
            float widest = Math.max(widestEndAt.getOrDefault(column(above), above.endX()),
                    widestEndAt.getOrDefault(column(line), line.endX()));
            // a justified line wraps short of the margin by up to a character or two; a paragraph's last line ends early
            return above.endX() > widest - Math.max(height * 3f, (widest - above.x()) * 0.1f);
        }

        /** Lines starting at the same place (rounded) on any page: the paragraphs of the body. */
        private static String column(Chunk chunk) {
            return Integer.toString(Math.round(chunk.x() / 10));
        }
    }

    /** A whole PDF ends with %%EOF, give or take a few bytes some producers append. */
    private static boolean endsAsPdf(byte[] bytes) {
        int from = Math.max(0, bytes.length - 2048);
        String tail = new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    /** Chinese wraps inside a word, with nothing between the lines; Latin text needs its space back. */
    private static String joiner(CharSequence before, String next) {
        if (before.length() == 0 || next.isEmpty()) {
            return "";
        }
        char last = before.charAt(before.length() - 1);
        char first = next.charAt(0);
        return last < 0x2E80 && first < 0x2E80 && Character.isLetterOrDigit(last) && Character.isLetterOrDigit(first)
                ? " " : "";
    }

    /** - 3 -, — 3 —, 第 3 页 共 10 页 in a page's header or footer: never the plan's text. */
    private static boolean isPageNumber(String text) {
        return PageNumbers.is(text);
    }

    /**
     * Collects the text PDFBox finds, in the order the file draws it, cut into chunks at line ends and at gaps wider
     * than a character: the gap between two cells of a row drawn on the same line.
     */
    private static final class ChunkCollector extends PDFTextStripper {

        private final List<Chunk> chunks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private float[] charX = new float[64];
        private boolean pendingSpace;
        private TextPosition first;
        private TextPosition last;

        ChunkCollector() {
            super();
        }

        @Override
        protected void writeString(String string, List<TextPosition> positions) {
            if (positions.isEmpty() || string.length() != positions.size()) {
                if (!positions.isEmpty()) {
                    startsApart(positions.get(0));
                    if (first == null) {
                        first = positions.get(0);
                    }
                    append(string, positions.get(0).getXDirAdj());
                    last = positions.get(positions.size() - 1);
                } else {
                    append(string, last == null ? 0 : last.getXDirAdj() + last.getWidthDirAdj());
                }
                return;
            }
            for (int i = 0; i < positions.size(); i++) {
                TextPosition position = positions.get(i);
                startsApart(position);
                if (first == null) {
                    first = position;
                }
                append(string.substring(i, i + 1), position.getXDirAdj());
                last = position;
            }
        }

        /**
         * Ends the chunk when the next character is drawn far right of the last one, or left of it: another cell of
         * the row (a cell merged over rows is drawn at the height of a row below its top).
         */
        private void startsApart(TextPosition next) {
            if (last == null) {
                return;
            }
            float lastEnd = last.getXDirAdj() + last.getWidthDirAdj();
            float height = Math.max(last.getHeightDir(), next.getHeightDir());
            float gap = next.getXDirAdj() - lastEnd;
            if (gap > height * 1.5f || gap < -height * 0.5f) {
                endChunk();
            }
        }

        @Override
        protected void writeWordSeparator() {
            pendingSpace = true;
        }

        private void append(String string, float x) {
            if (pendingSpace && text.length() > 0 && !string.isEmpty()
                    && !isWide(text.charAt(text.length() - 1)) && !isWide(string.charAt(0))) {
                // a space between Chinese and Latin text is the word processor's autospace, not the author's
                add(' ', x);
            }
            pendingSpace = false;
            for (int i = 0; i < string.length(); i++) {
                add(string.charAt(i), x);
            }
        }

        private static boolean isWide(char c) {
            return c >= 0x2E80;
        }

        private void add(char c, float x) {
            if (text.length() == charX.length) {
                charX = java.util.Arrays.copyOf(charX, charX.length * 2);
            }
            charX[text.length()] = x;
            text.append(c);
        }

        @Override
        protected void writeLineSeparator() {
            endChunk();
        }

        @Override
        protected void writePageEnd() {
            endChunk();
        }

        private void endChunk() {
            if (first != null && !text.toString().isBlank()) {
                int from = 0;
                int to = text.length();
                while (from < to && Character.isWhitespace(text.charAt(from))) {
                    from++;
                }
                while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                    to--;
                }
                chunks.add(new Chunk(text.substring(from, to), getCurrentPageNo(), charX[from],
                        last.getXDirAdj() + last.getWidthDirAdj(), first.getYDirAdj(),
                        Math.max(first.getHeightDir(), 1f), java.util.Arrays.copyOfRange(charX, from, to)));
            }
            text.setLength(0);
            first = null;
            last = null;
            pendingSpace = false;
        }
    }
}
