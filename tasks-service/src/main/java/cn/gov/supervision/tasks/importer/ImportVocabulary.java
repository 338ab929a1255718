package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.kit.text.Brackets;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words published plans use for their parts, in one place: a maintainer who meets a plan written with other words
 * adds them here, with the reason, and every reader (tables, body clauses, unit lists) understands them. Words are
 * compared simplified ({@link TextForms#key}); traditional and full-width forms need no entry of their own.
 */
final class ImportVocabulary {

    private ImportVocabulary() {
    }

    /** Column headers by what the column holds. A header is the whole cell (序号, 工作任务, 责任单位 …). */
    static final Map<Column, List<String>> COLUMN_NAMES = Map.of(
            Column.SERIAL, List.of("序号", "编号"),
            // 具体要求 and 主要内容 hold the task's text where 工作任务 only groups rows; 贯彻举措 in plans that
            // implement a higher plan's points; 项目名称 is NAME below (a project list names, then describes).
            Column.TASK, List.of("重点任务", "工作任务", "任务", "具体要求", "目标任务", "主要任务", "具体任务", "工作内容",
                    "任务内容", "工作要求", "主要内容", "贯彻举措", "工作举措", "具体措施", "工作措施", "任务名称及内容"),
            // 重点项目 heads the project's name where the next column (主要内容) says what it is (Guangzhou's
            // talent project table)
            Column.NAME, List.of("名称", "项目名称", "行动名称", "任务名称", "重点项目"),
            // 责任科室 / 责任股室: a department's own plan assigns its sections (科室, 股室).
            Column.LEAD, List.of("牵头单位", "责任单位", "责任科室", "牵头部门", "责任部门", "牵头科室", "主要责任单位",
                    "责任股室", "牵头股室", "责任主体", "牵头责任单位"),
            Column.CO, List.of("配合单位", "配合部门", "协办单位", "参与单位", "协同责任单位", "协同单位", "配合科室",
                    "配合股室", "协同配合单位"),
            Column.DEADLINE, List.of("完成时限", "时限要求", "完成时间", "时限", "完成期限", "时间节点", "时间要求",
                    "进度安排"),
            Column.DISTRICT, List.of("区县", "县区", "区县(市)", "县(市、区)", "地区"),
            // Columns read only for what they may carry: 备注 sometimes holds the deadline (11月底前完成); a status
            // column (完成情况) is a report, never part of the task.
            Column.REMARK, List.of("备注"),
            Column.OTHER, List.of("完成情况", "进展情况", "牵头负责领导", "责任领导", "分管领导"));

    /**
     * Labels that open a unit list ({@code 牵头单位:…}), by the role they give the names after them. 责任单位 names
     * the leads when nothing else does, and the co-responsible units beside a 牵头单位.
     */
    static final Map<String, UnitRole> UNIT_LABELS = Map.ofEntries(
            Map.entry("牵头单位", UnitRole.LEAD), Map.entry("牵头部门", UnitRole.LEAD), Map.entry("牵头科室", UnitRole.LEAD),
            Map.entry("牵头股室", UnitRole.LEAD), Map.entry("主要责任单位", UnitRole.LEAD),
            Map.entry("责任单位", UnitRole.RESPONSIBLE), Map.entry("责任部门", UnitRole.RESPONSIBLE),
            Map.entry("责任科室", UnitRole.RESPONSIBLE), Map.entry("责任股室", UnitRole.RESPONSIBLE),
            Map.entry("配合单位", UnitRole.CO), Map.entry("配合部门", UnitRole.CO), Map.entry("协办单位", UnitRole.CO),
            Map.entry("参与单位", UnitRole.CO), Map.entry("协同责任单位", UnitRole.CO), Map.entry("协同单位", UnitRole.CO));

    /**
     * How a bracket closing a clause says who does it without a label, by the role of the names before the words:
     * (市交通委负责落实), (A、B分别负责落实), (A牵头,B等配合), (…按职责分工负责). The longest words come first, so
     * that 分别负责落实 is taken whole rather than as 负责落实.
     */
    static final List<Map.Entry<String, UnitRole>> UNIT_TAILS = List.of(
            Map.entry("分别牵头落实", UnitRole.LEAD), Map.entry("分别负责落实", UnitRole.LEAD),
            Map.entry("按职责分工负责", UnitRole.CO), Map.entry("按职责分工落实", UnitRole.CO),
            Map.entry("按职责负责", UnitRole.CO), Map.entry("分别负责", UnitRole.LEAD),
            Map.entry("牵头落实", UnitRole.LEAD), Map.entry("负责落实", UnitRole.LEAD), Map.entry("牵头负责", UnitRole.LEAD),
            Map.entry("共同负责", UnitRole.LEAD), Map.entry("等配合", UnitRole.CO), Map.entry("配合落实", UnitRole.CO),
            // 责任单位:市人力社保局、市农业农村局分别牵头 (Lishui): each of them leads; 分别 is never part of a name
            Map.entry("分别牵头", UnitRole.LEAD),
            Map.entry("牵头", UnitRole.LEAD), Map.entry("配合", UnitRole.CO), Map.entry("负责", UnitRole.LEAD),
            Map.entry("落实", UnitRole.LEAD));

    /**
     * Words that, inside a unit list, say that the names after them share every task from here on: 以下责任单位均包含各区县政府
     * (Huzhou), 具体任务均涉及相关市(州)人民政府 (Sichuan), 以下各项均需各区县落实. The word after 均 is dropped with it.
     */
    static final List<String> RULE_VERBS = List.of("涉及", "包含", "包括", "含", "为", "需");

    /**
     * A document-wide rule that the unit listed first after a 责任单位 label leads and the others are co-responsible,
     * stated once for every list: 列第一位为牵头或汇总单位,下同 (Lishui, in a bracket after the first long list),
     * 列第一位的责任单位为牵头单位或汇总单位 (Hangzhou, in the notice before it). Lists that name their leads
     * (牵头单位:…, …分别牵头) keep them. Read for unit lines and notes in the body; table cells are not labelled, so
     * a table's 责任单位 column keeps every unit as a lead.
     */
    static final Pattern FIRST_LISTED_LEADS = Pattern.compile("列(?:在)?(?:第一|首)位的?(?:责任单位|单位)?(?:为|是)牵头");

    /** Pieces of a unit list that are a rule's or a sentence's tail, never a unit: 不再做分工, 不再一一列出, 下同. */
    static final List<String> NOT_UNITS = List.of("不再", "下同", "同上", "一一列出", "以下同");

    /**
     * Names in a list that point at the units of other clauses, not at a unit: 各项目牵头单位 (Guangzhou: "the leads of
     * the other items" work with the districts), 各牵头单位, 有关责任单位. A label word ending a name, without its colon,
     * says so; such a name is dropped, never resolved or created.
     */
    static final List<String> ROLE_REFERENCES = List.of("牵头单位", "牵头部门", "配合单位", "配合部门", "责任单位",
            "责任部门");

    /**
     * Kinds of places that, listed after a name starting with 各, share its 各 and make one addressee with it: 各区、县级市
     * (every district and county-level city, Guangzhou), 各县、市、区. The 、 is not bracketed as in 各县(市、区), but
     * the bare word after it (县级市, 区) names no unit of its own.
     */
    static final List<String> SHARED_PLACE_KINDS = List.of("县级市", "县(市)", "县区", "市区", "县", "区", "市", "镇",
            "乡", "街道", "开发区", "功能区", "园区");

    /** What comes after a unit's name in a list and is not part of it: 等市有关单位 keeps its units, drops 等. */
    static final List<String> NAME_TAILS = List.of("等有关单位", "等相关单位", "等单位", "等部门", "等");

    /**
     * How the name of a unit ends. Only used to tell a name cut off by a copy that stops mid-word (人民银, 区) from a
     * whole one at the very end of a document.
     */
    static final List<String> UNIT_ENDINGS = List.of("局", "委", "办", "室", "科", "股", "厅", "院", "府", "会", "部",
            "队", "处", "所", "站", "中心", "公司", "单位", "部门", "行", "社", "馆", "团", "组", "区", "县", "市", "街道",
            "镇", "乡", "专班", "集团", "机构", "分局", "支行", "银行", "监局", "协", "联", "台", "报", "校", "园");

    /** The roles a unit list gives. */
    enum UnitRole { LEAD, RESPONSIBLE, CO, LATER_CLAUSES }

    /** Whether the document states the {@link #FIRST_LISTED_LEADS} rule anywhere. */
    static boolean statesFirstListedLeads(DocumentLines lines) {
        for (int i = 0; i < lines.count(); i++) {
            String line = lines.text(i);
            // 列, 第一 and 首 are written alike in both scripts: only lines holding them are worth converting
            boolean candidate = line.indexOf('列') >= 0 && (line.contains("第一") || line.indexOf('首') >= 0);
            if (candidate && FIRST_LISTED_LEADS.matcher(TextForms.readable(line)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name, the last one of a document that stops mid-sentence, looks whole rather than cut off. */
    static boolean looksWhole(String name) {
        String bare = withoutTrailingAlias(name.strip());
        return bare.length() >= 2 && UNIT_ENDINGS.stream().anyMatch(bare::endsWith);
    }

    /** 市委改革办﹝市政务办﹞ → 市委改革办: an alias in brackets closes a whole name. */
    private static String withoutTrailingAlias(String name) {
        if (name.isEmpty() || !Brackets.closes(name.charAt(name.length() - 1))) {
            return name;
        }
        int depth = 0;
        for (int i = name.length() - 1; i >= 0; i--) {
            char c = name.charAt(i);
            if (Brackets.closes(c)) {
                depth++;
            } else if (Brackets.opens(c) && --depth == 0) {
                return name.substring(0, i).strip();
            }
        }
        return name;
    }
}
