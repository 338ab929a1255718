package cn.gov.supervision.tasks.importer;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a table column holds, known by its header ({@link ImportVocabulary#COLUMN_NAMES}). Headers are compared as keys: 名??稱 is 名称. */
enum Column {
    SERIAL, TASK, NAME, LEAD, CO, DEADLINE, DISTRICT,
    /** 备注: read only for a deadline the row gives nowhere else (11月底前完成). */
    REMARK,
    /** A column the parser has no use for. */
    OTHER;

    /** Header cells are a few words; a longer cell is never a header, and is not worth converting to find out. */
    private static final int LONGEST_HEADER = 12;

    /**
     * The names by column, and the last characters of all of them, simplified and (through OpenCC) traditional: a line
     * ending in none of them is no column name, which spares converting every short line of a long document. In a
     * holder, so that the vocabulary (which names these constants) is read only once the constants exist.
     */
    private static final class Names {
        static final Map<String, Column> BY_NAME = new HashMap<>();
        static final String LAST_CHARACTERS;

        static {
            StringBuilder last = new StringBuilder("）");
            ImportVocabulary.COLUMN_NAMES.forEach((column, names) -> names.forEach(name -> {
                BY_NAME.put(name, column);
                last.append(name.charAt(name.length() - 1));
            }));
            LAST_CHARACTERS = last + ZhConverterUtil.toTraditional(last.toString());
        }
    }

    /** The column a header cell names; OTHER for a cell that is no column name, or one the parser does not use. */
    static Column named(String headerCell) {
        String key = key(headerCell);
        return key == null ? OTHER : Names.BY_NAME.getOrDefault(key, OTHER);
    }

    /** Whether a cell is a column's name, used or not (完成情况 is one; a task's text is not). */
    static boolean isColumnName(String cell) {
        String key = key(cell);
        return key != null && Names.BY_NAME.containsKey(key);
    }

    private static String key(String headerCell) {
        String cell = headerCell.strip();
        if (cell.isEmpty() || cell.length() > LONGEST_HEADER || Names.LAST_CHARACTERS.indexOf(lastCharacter(cell)) < 0) {
            return null;
        }
        return TextForms.key(cell);
    }

    /** The last character that is not a colon, a space or a lost-character mark: 完成時限: ends in 限. */
    private static char lastCharacter(String cell) {
        for (int i = cell.length() - 1; i > 0; i--) {
            if (":：?？ \u3000".indexOf(cell.charAt(i)) < 0) {
                return cell.charAt(i);
            }
        }
        return cell.charAt(0);
    }
}
