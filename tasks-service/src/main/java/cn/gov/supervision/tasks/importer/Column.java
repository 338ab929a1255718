package cn.gov.supervision.tasks.importer;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a table column holds, known by its header. Headers are compared as keys: 名??稱 is 名称. */
enum Column {
    SERIAL(List.of("序号", "编号")),
    TASK(List.of("重点任务", "工作任务", "任务", "具体要求", "目标任务", "主要任务", "具体任务", "工作内容", "任务内容",
            "工作要求")),
    NAME(List.of("名称", "项目名称", "行动名称", "任务名称")),
    LEAD(List.of("牵头单位", "责任单位", "责任科室", "牵头部门", "责任部门", "牵头科室", "主要责任单位")),
    CO(List.of("配合单位", "配合部门", "协办单位", "参与单位")),
    DEADLINE(List.of("完成时限", "时限要求", "完成时间", "时限", "完成期限", "时间节点")),
    DISTRICT(List.of("区县", "县区", "区县(市)", "县(市、区)", "地区")),
    /** A column the parser has no use for. */
    OTHER(List.of());

    /** Header cells are a few words; a longer cell is never a header, and is not worth converting to find out. */
    private static final int LONGEST_HEADER = 12;

    private static final Map<String, Column> BY_NAME = new HashMap<>();

    /**
     * The last characters of all column names, simplified and (through OpenCC) traditional. A line ending in none of
     * them is no column name: knowing that spares converting every short line of a long document.
     */
    private static final String LAST_CHARACTERS;

    static {
        StringBuilder last = new StringBuilder("）");
        for (Column column : values()) {
            column.names.forEach(name -> {
                BY_NAME.put(name, column);
                last.append(name.charAt(name.length() - 1));
            });
        }
        LAST_CHARACTERS = last + ZhConverterUtil.toTraditional(last.toString());
    }

    private final List<String> names;

    Column(List<String> names) {
        this.names = names;
    }

    static Column named(String headerCell) {
        String cell = headerCell.strip();
        if (cell.isEmpty() || cell.length() > LONGEST_HEADER || LAST_CHARACTERS.indexOf(lastCharacter(cell)) < 0) {
            return OTHER;
        }
        return BY_NAME.getOrDefault(TextForms.key(cell), OTHER);
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
