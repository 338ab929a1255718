package cn.gov.supervision.tasks.importer.files;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The ruling lines a page draws, horizontal and vertical, which are the borders of its tables' cells; coordinates
 * from the top left of the page, as text positions are.
 */
final class PdfRulings {

    /** Lines closer than this are one border (borders are drawn with a width, sometimes twice). */
    private static final float SAME_LINE = 2f;
    /** A border is a line thinner than this; a wider filled rectangle is a background. */
    private static final float THIN = 2.5f;

    private final List<float[]> horizontal = new ArrayList<>(); // {y, x1, x2}
    private final List<float[]> vertical = new ArrayList<>();   // {x, y1, y2}

    /** A cell of a table: its borders on one page. */
    record Cell(int page, float left, float top, float right, float bottom) {
    }

    private PdfRulings() {
    }

    static PdfRulings of(PDPage page) throws IOException {
        PdfRulings rulings = new PdfRulings();
        if (page.getCropBox() == null) {
            return rulings;
        }
        new Collector(page, rulings).processPage(page);
        return rulings;
    }

    /** The vertical borders running through the chunk's line between its first and last character, left to right. */
    List<Float> bordersThrough(PdfReader.Chunk chunk) {
        float y = chunk.y() - chunk.height() / 2;
        TreeSet<Float> borders = new TreeSet<>();
        for (float[] line : vertical) {
            if (y >= line[1] && y <= line[2] && line[0] > chunk.x() + 0.5f && line[0] < chunk.endX() - 0.5f) {
                borders.add(line[0]);
            }
        }
        return new ArrayList<>(borders);
    }

    /** The cell whose borders enclose the chunk's first character, or null when it is in none. */
    Cell cellAt(PdfReader.Chunk chunk) {
        float x = chunk.x() + Math.min(1f, chunk.height() / 4);
        float y = chunk.y() - chunk.height() / 2;
        Float left = null;
        Float right = null;
        for (float[] line : vertical) {
            if (y >= line[1] - SAME_LINE && y <= line[2] + SAME_LINE) {
                if (line[0] <= x && (left == null || line[0] > left)) {
                    left = line[0];
                } else if (line[0] > x && (right == null || line[0] < right)) {
                    right = line[0];
                }
            }
        }
        Float top = null;
        Float bottom = null;
        for (float[] line : horizontal) {
            if (x >= line[1] - SAME_LINE && x <= line[2] + SAME_LINE) {
                if (line[0] <= y && (top == null || line[0] > top)) {
                    top = line[0];
                } else if (line[0] > y && (bottom == null || line[0] < bottom)) {
                    bottom = line[0];
                }
            }
        }
        return left == null || right == null || top == null || bottom == null ? null
                : new Cell(chunk.page(), left, top, right, bottom);
    }

    /** The rows and columns of a table: every border any of its cells has, so merged cells span several. */
    record Grid(List<Float> columns, List<Float> rows) {

        static Grid of(Collection<Cell> cells) {
            TreeSet<Float> xs = new TreeSet<>();
            TreeSet<Float> ys = new TreeSet<>();
            for (Cell cell : cells) {
                xs.add(cell.left());
                xs.add(cell.right());
                ys.add(cell.top());
                ys.add(cell.bottom());
            }
            return new Grid(merged(xs), merged(ys));
        }

        private static List<Float> merged(TreeSet<Float> values) {
            List<Float> out = new ArrayList<>();
            for (Float value : values) {
                if (out.isEmpty() || value - out.get(out.size() - 1) > SAME_LINE) {
                    out.add(value);
                }
            }
            return out;
        }

        int rowCount() {
            return Math.max(0, rows.size() - 1);
        }

        int left(Cell cell) {
            return nearest(columns, cell.left());
        }

        int right(Cell cell) {
            return Math.max(left(cell) + 1, nearest(columns, cell.right()));
        }

        int top(Cell cell) {
            return nearest(rows, cell.top());
        }

        int bottom(Cell cell) {
            return Math.max(top(cell) + 1, nearest(rows, cell.bottom()));
        }

        private static int nearest(List<Float> values, float value) {
            int best = 0;
            for (int i = 1; i < values.size(); i++) {
                if (Math.abs(values.get(i) - value) < Math.abs(values.get(best) - value)) {
                    best = i;
                }
            }
            return best;
        }
    }

    /** Keeps the straight lines a page strokes, and the thin rectangles it fills, turned to top-left coordinates. */
    private static final class Collector extends PDFGraphicsStreamEngine {

        private final PdfRulings rulings;
        private final float pageTop;
        private final List<float[]> path = new ArrayList<>(); // {x1, y1, x2, y2}, device space
        private final List<float[]> rectangles = new ArrayList<>();
        private Point2D.Float current = new Point2D.Float();
        private Point2D.Float subpathStart = new Point2D.Float();

        Collector(PDPage page, PdfRulings rulings) {
            super(page);
            this.rulings = rulings;
            this.pageTop = page.getCropBox().getUpperRightY();
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            float x1 = (float) Math.min(p0.getX(), p2.getX());
            float x2 = (float) Math.max(p0.getX(), p2.getX());
            float y1 = (float) Math.min(p0.getY(), p2.getY());
            float y2 = (float) Math.max(p0.getY(), p2.getY());
            rectangles.add(new float[]{x1, y1, x2, y2});
        }

        @Override
        public void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
            subpathStart = current;
        }

        @Override
        public void lineTo(float x, float y) {
            path.add(new float[]{current.x, current.y, x, y});
            current = new Point2D.Float(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
            path.add(new float[]{current.x, current.y, subpathStart.x, subpathStart.y});
            current = subpathStart;
        }

        @Override
        public void endPath() {
            clear();
        }

        @Override
        public void strokePath() {
            for (float[] line : path) {
                addLine(line[0], line[1], line[2], line[3]);
            }
            for (float[] r : rectangles) {
                addLine(r[0], r[1], r[2], r[1]);
                addLine(r[0], r[3], r[2], r[3]);
                addLine(r[0], r[1], r[0], r[3]);
                addLine(r[2], r[1], r[2], r[3]);
            }
            clear();
        }

        @Override
        public void fillPath(int windingRule) {
            for (float[] r : rectangles) {
                float width = r[2] - r[0];
                float height = r[3] - r[1];
                if (height < THIN && width >= THIN) {
                    addLine(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2);
                } else if (width < THIN && height >= THIN) {
                    addLine((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]);
                }
            }
            clear();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            strokePath();
        }

        @Override
        public void clip(int windingRule) {
            // a clipping path is no border; the path is ended by the operator that follows (n)
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
        }

        private void clear() {
            path.clear();
            rectangles.clear();
        }

        private void addLine(float x1, float y1, float x2, float y2) {
            float top1 = pageTop - y1;
            float top2 = pageTop - y2;
            if (Math.abs(top1 - top2) < 0.5f && Math.abs(x2 - x1) >= SAME_LINE) {
                rulings.horizontal.add(new float[]{top1, Math.min(x1, x2), Math.max(x1, x2)});
            } else if (Math.abs(x1 - x2) < 0.5f && Math.abs(top2 - top1) >= SAME_LINE) {
                rulings.vertical.add(new float[]{x1, Math.min(top1, top2), Math.max(top1, top2)});
            }
        }
    }
}
