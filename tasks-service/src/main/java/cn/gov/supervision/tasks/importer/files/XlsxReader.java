package cn.gov.supervision.tasks.importer.files;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A task list as an Excel .xlsx: each sheet a table, its merged regions laid out by {@link TableGrid}. Values are
 * read as Excel shows them; formulas are never evaluated, their cached results are read.
 */
final class XlsxReader {

    private static final DataFormatter FORMATTER = new DataFormatter();

    private XlsxReader() {
    }

    static String read(OPCPackage pkg, FileLimits limits) {
        TextLines out = new TextLines(limits);
        try (XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                sheet(workbook.getSheetAt(s), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.text();
    }

    private static void sheet(XSSFSheet sheet, TextLines out) {
        Map<Long, CellRangeAddress> regionAtOrigin = new HashMap<>();
        Set<Long> insideRegions = new HashSet<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            out.countCells(1);
            regionAtOrigin.put(key(region.getFirstRow(), region.getFirstColumn()), region);
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                // a region of a million cells is refused here, before it is spread over rows
                out.countCells(region.getLastColumn() - region.getFirstColumn() + 1);
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    insideRegions.add(key(r, c));
                }
            }
        }
        TableGrid grid = new TableGrid(out);
        int lastRow = sheet.getLastRowNum();
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= lastRow; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            grid.startRow();
            int lastColumn = row.getLastCellNum();
            for (int c = 0; c < lastColumn; c++) {
                long key = key(r, c);
                CellRangeAddress region = regionAtOrigin.get(key);
                if (region != null) {
                    grid.cell(text(row.getCell(c)), region.getLastColumn() - region.getFirstColumn() + 1,
                            region.getLastRow() - region.getFirstRow() + 1);
                    c = region.getLastColumn();
                } else if (!insideRegions.contains(key)) {
                    grid.cell(text(row.getCell(c)), 1, 1);
                }
            }
            grid.endRow();
        }
        grid.finish();
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return switch (cell.getCachedFormulaResultType()) {
                case STRING -> cell.getStringCellValue();
                case NUMERIC -> FORMATTER.formatRawCellContents(cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                default -> "";
            };
        }
        return FORMATTER.formatCellValue(cell);
    }
}
