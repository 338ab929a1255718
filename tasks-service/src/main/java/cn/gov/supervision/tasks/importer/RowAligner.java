package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.DeadlineKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lines a row's cells up with its table's header when they are not one for one, as web copies of tables leave them:
 * a cell merged over several rows (一、… or a 工作任务 grouping them) stands only in the first row of its group, so
 * the others have fewer cells; trailing empty cells ({@code | ||}) pad some rows; a 序号 column may have no header.
 * The columns on the right (units, deadline) are always there, so a short row is lined up from the right when its last
 * cell is what the header's last column holds, and a merged cell it lacks is taken from the row above. A short row
 * whose last cell is not is a row cut short, and keeps its cells from the left.
 */
final class RowAligner {

    private static final int LONGEST_DEADLINE = 30;
    /** A deadline in words the parser cannot date (11月底前完成初稿) is a few words, without a sentence's commas. */
    private static final int SHORT_DEADLINE = 12;
    private static final int LONGEST_UNIT_CELL = 200;
    private static final int LONGEST_SERIAL = 4;

    /** Characters every deadline in words has one of (前, 底, 月, 年, 季, 持续 …), in either script. */
    private static final String DEADLINE_CHARACTERS = "前底月年季周日旬持长長常每全内內完";
    /** Last characters of unit names and of the words after them (负责落实, 配合), in either script. */
    private static final String UNIT_LAST_CHARACTERS = "局委办辦室科股厅廳院府会會部队隊处處所站心司位门門行社馆館团團组組区區县縣市道"
            + "镇鎮乡鄉班构構协協联聯台报報校园園实實责責头頭合";

    private final TableLayout layout;
    private final Column closing;
    private final DeadlineParser deadlines = new DeadlineParser();
    private final UnitListParser units = new UnitListParser();
    private List<String> previous = List.of();

    RowAligner(TableLayout layout) {
        this.layout = layout;
        Column last = Column.OTHER;
        for (Column column : layout.columns()) {
            if (column == Column.LEAD || column == Column.CO || column == Column.DEADLINE || column == Column.TASK
                    || column == Column.NAME) {
                last = column;
            }
        }
        this.closing = last;
    }

    /** Whether rows can be told apart by their last cell: the header ends in units or a deadline. */
    boolean knowsRowEnds() {
        return closing == Column.LEAD || closing == Column.CO || closing == Column.DEADLINE;
    }

    /** Whether a cell is what the header's last column holds, and so ends its row. */
    boolean closesRow(String cell) {
        return switch (closing) {
            case DEADLINE -> looksLikeDeadline(cell);
            case LEAD, CO -> looksLikeUnits(cell);
            default -> false;
        };
    }

    /** The row's cells in the header's column order. */
    List<String> align(List<String> row) {
        List<String> cells = new ArrayList<>(row);
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        if (!layout.has(Column.SERIAL)) {
            cells.removeIf(RowAligner::isSerial);
        }
        int width = layout.width();
        List<String> aligned;
        if (cells.isEmpty() || cells.size() == width) {
            aligned = cells.isEmpty() ? row : cells;
        } else if (startsAtFirstColumn(cells)) {
            aligned = row;
        } else if (cells.size() > width ? leadsWithGroupHeadings(cells, cells.size() - width)
                : closesRow(cells.get(cells.size() - 1))) {
            aligned = new ArrayList<>(Collections.nCopies(width, ""));
            int offset = width - cells.size();
            for (int i = 0; i < cells.size(); i++) {
                if (i + offset >= 0) {
                    aligned.set(i + offset, cells.get(i));
                }
            }
            for (int column = 0; column < offset && column < previous.size(); column++) {
                Column kind = layout.columns().get(column);
                if (kind == Column.TASK || kind == Column.NAME || kind == Column.DISTRICT) {
                    aligned.set(column, previous.get(column));
                }
            }
        } else {
            aligned = row;
        }
        previous = aligned;
        return aligned;
    }

    /** A row opening with its number, under a header opening with 序号, is in place from the left. */
    private boolean startsAtFirstColumn(List<String> cells) {
        return layout.columns().get(0) == Column.SERIAL && isSerial(cells.get(0));
    }

    /** Cells before a row's own: the sections (一、…) and items ((一)…) merged over the rows below them. */
    private static boolean leadsWithGroupHeadings(List<String> cells, int count) {
        for (int i = 0; i < count; i++) {
            if (Heading.of(cells.get(i)) == null) {
                return false;
            }
        }
        return true;
    }

    private boolean looksLikeDeadline(String cell) {
        String text = cell.strip();
        if (text.isEmpty() || text.length() > LONGEST_DEADLINE || text.chars().noneMatch(c -> Character.isDigit(c)
                || DEADLINE_CHARACTERS.indexOf(c) >= 0)) {
            return false;
        }
        if (deadlines.parse(text, 2000).kind() != DeadlineKind.NONE) {
            return true;
        }
        String key = TextForms.key(text);
        return key.length() <= SHORT_DEADLINE && key.chars().noneMatch(c -> ",;。".indexOf(c) >= 0) && List.of("前", "底", "完成", "持续", "长期", "常态", "季度", "每月", "年内", "全年").stream()
                .anyMatch(key::contains);
    }

    private boolean looksLikeUnits(String cell) {
        String text = cell.strip();
        if (text.isEmpty() || text.length() > LONGEST_UNIT_CELL || text.contains("。")
                || UNIT_LAST_CHARACTERS.indexOf(text.charAt(text.length() - 1)) < 0) {
            return false;
        }
        UnitList list = units.parse(List.of(text));
        List<String> names = new ArrayList<>(list.leads());
        names.addAll(list.cos());
        names.addAll(list.coForLaterClauses());
        return !names.isEmpty() && ImportVocabulary.looksWhole(names.get(names.size() - 1));
    }

    /** 1, 12, 3. or 4、: a row's number. */
    static boolean isSerial(String cell) {
        String text = cell.strip();
        int end = text.length();
        if (end > 0 && ".．、".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == 0 || end > LONGEST_SERIAL) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
