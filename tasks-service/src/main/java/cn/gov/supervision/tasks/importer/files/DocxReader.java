package cn.gov.supervision.tasks.importer.files;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ICell;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A plan as a Word .docx: its paragraphs and tables in document order. Merged cells are read from the table's own
 * markup ({@code gridSpan} across, {@code vMerge} down) and laid out by {@link TableGrid}.
 */
final class DocxReader {

    private final TextLines out;

    private DocxReader(TextLines out) {
        this.out = out;
    }

    static String read(OPCPackage pkg, FileLimits limits) {
        TextLines out = new TextLines(limits);
        try (XWPFDocument document = new XWPFDocument(pkg)) {
            DocxReader reader = new DocxReader(out);
            for (IBodyElement element : document.getBodyElements()) {
                reader.element(element);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.text();
    }

    private void element(IBodyElement element) {
        if (element instanceof XWPFParagraph paragraph) {
            out.line(paragraph.getText());
        } else if (element instanceof XWPFTable table) {
            table(table);
        } else if (element instanceof XWPFSDT contentControl) {
            out.line(contentControl.getContent().getText());
        }
    }

    private void table(XWPFTable table) {
        TableGrid grid = new TableGrid(out);
        for (XWPFTableRow row : table.getRows()) {
            grid.startRow();
            for (ICell icell : row.getTableICells()) {
                if (!(icell instanceof XWPFTableCell cell)) {
                    grid.cell("", 1, 1);
                    continue;
                }
                CTTcPr properties = cell.getCTTc().getTcPr();
                int span = properties != null && properties.isSetGridSpan()
                        ? Math.max(1, properties.getGridSpan().getVal().intValue()) : 1;
                boolean continuesAbove = properties != null && properties.isSetVMerge()
                        && (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
                if (continuesAbove) {
                    grid.continuedCell(span);
                } else {
                    grid.cell(cell.getText(), span, 1);
                }
            }
            grid.endRow();
        }
        grid.finish();
    }
}
