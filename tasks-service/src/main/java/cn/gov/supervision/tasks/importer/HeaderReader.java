package cn.gov.supervision.tasks.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a plan says about itself from the lines before its body: the metadata a government site prints above a
 * document (索引号, 成文日期, 发布机构), and a title, written or derived.
 */
final class HeaderReader {

    /** The header is at the top; past this many lines, a document without headings is not searched further. */
    private static final int MOST_HEADER_LINES = 60;
    private static final int LONGEST_TITLE = 80;

    /**
     * Labels a government site prints. Those the plan needs are read; the others are listed so that a label cell is
     * never taken for the value of the label before it, as in {@code | 文件编号: | 发布机构: | 安吉县人民政府 |}.
     */
    private static final Set<String> LABELS = Set.of("索引号", "成文日期", "发布日期", "发布机构", "发文机关", "发布单位",
            "公开方式", "公开时限", "公开范围", "文件编号", "发文字号", "文号", "文件效力", "有效性", "主题分类", "体裁分类",
            "组配分类", "信息来源", "当前位置");

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}(?=年)");
    private static final Pattern DATE_LINE = Pattern.compile("(19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日");
    /** 《…》已经市政府同意: a notice naming the plan it issues. */
    private static final Pattern NOTICE_NAMING = Pattern.compile("^《([^》]{4,78})》(?:已经|已报经|经)");
    /** How a plan's title ends: 工作要点, …任务分解, …责任清单 (what a plan calls itself, by place and kind of plan). */
    private static final List<String> TITLE_ENDINGS = List.of("工作要点", "工作计划", "实施方案", "工作方案", "行动计划",
            "行动方案", "任务分解", "任务分解表", "责任分解", "分工方案", "分解方案", "责任清单", "任务清单", "重点任务",
            "实施意见");

    private final DocumentLines lines;
    private final Diagnostics diagnostics;

    HeaderReader(DocumentLines lines, Diagnostics diagnostics) {
        this.lines = lines;
        this.diagnostics = diagnostics;
    }

    PlanHeader read(Integer yearOverride) {
        Map<String, String> values = new HashMap<>();
        List<Integer> textLines = new ArrayList<>();
        int end = Math.min(lines.count(), MOST_HEADER_LINES);
        for (int i = 0; i < end; i++) {
            String text = lines.text(i);
            Heading heading = Heading.of(text);
            if (heading != null && heading.kind() != Heading.Kind.ATTACHMENT) {
                break;
            }
            List<String> cells = PipeRow.cells(text);
            if (cells != null) {
                readLabelledCells(cells, values);
            } else {
                readLabelledCells(List.of(text.strip()), values);
                textLines.add(i);
            }
        }
        String title = title(textLines);
        String dateLine = values.getOrDefault("成文日期", values.getOrDefault("发布日期", dateLine(textLines)));
        LocalDate publishedOn = date(dateLine);
        Integer year = yearOverride != null ? yearOverride : yearOf(title, publishedOn);
        if (title == null) {
            diagnostics.warning(0, "NO_TITLE", "the document names no plan title and none could be derived", "");
        }
        if (year == null) {
            diagnostics.warning(0, "NO_PLAN_YEAR",
                    "neither the title nor 成文日期 gives the plan's year: deadlines such as 9月底前 cannot be dated", "");
        }
        String issuer = values.getOrDefault("发布机构", values.getOrDefault("发文机关", values.get("发布单位")));
        return new PlanHeader(title, year, issuer == null ? null : TextForms.readable(issuer),
                values.get("索引号"), publishedOn);
    }

    /** 2022年10月18日 on a line of its own under the issuer's name: the date the plan was signed, when no label gives one. */
    private String dateLine(List<Integer> textLines) {
        for (int i : textLines) {
            String line = lines.text(i).strip();
            if (line.length() <= 16 && DATE_LINE.matcher(line).matches()) {
                return line;
            }
        }
        return null;
    }

    /** A label's value is the next cell, unless that cell is a label itself; 索引号:330523/2022-06006 in one cell too. */
    private static void readLabelledCells(List<String> cells, Map<String, String> values) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.length() > LONGEST_TITLE) {
                continue;
            }
            String key = TextForms.key(cell);
            if (LABELS.contains(key)) {
                if (i + 1 < cells.size() && !isLabel(cells.get(i + 1))) {
                    putValue(values, key, cells.get(i + 1));
                }
                continue;
            }
            int colon = firstColon(cell);
            if (colon > 0 && LABELS.contains(TextForms.key(cell.substring(0, colon)))) {
                putValue(values, TextForms.key(cell.substring(0, colon)), cell.substring(colon + 1));
            }
        }
    }

    /** The first value of a label wins; a blank or paragraph-long cell is no label's value. */
    private static void putValue(Map<String, String> values, String label, String cell) {
        String value = cell.strip();
        if (!value.isEmpty() && value.length() <= LONGEST_TITLE) {
            values.putIfAbsent(label, value);
        }
    }

    private static boolean isLabel(String cell) {
        String stripped = cell.strip();
        return stripped.endsWith(":") || stripped.endsWith("：")
                || (stripped.length() <= LONGEST_TITLE && LABELS.contains(TextForms.key(stripped)));
    }

    private static int firstColon(String cell) {
        int ascii = cell.indexOf(':');
        int wide = cell.indexOf('：');
        return ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
    }

    /**
     * The title as written (a line ending in 工作要点, or 关于印发…的通知), else derived from the opening sentence
     * 2022年全市政务公开工作的总体要求是… → 2022年全市政务公开工作要点.
     */
    private String title(List<Integer> textLines) {
        String derived = null;
        String withoutYear = null;
        String previous = null;
        for (int i : textLines) {
            String opening = TextForms.readable(TextForms.shorten(lines.text(i).strip(), LONGEST_TITLE * 2));
            String line = stripTrailingPunctuation(opening);
            String candidate = null;
            Heading heading = Heading.of(lines.text(i));
            if ((heading != null && heading.kind() == Heading.Kind.ATTACHMENT) || line.startsWith("附件")) {
                // 附件:2021年…分解表 announces the list; its own title line follows
                candidate = null;
            } else if (line.length() <= LONGEST_TITLE && TITLE_ENDINGS.stream().anyMatch(line::endsWith)) {
                // a title wrapped over two lines: 2022年市《政府工作报告》目标任务 / 责任分解方案
                candidate = !YEAR.matcher(line).find() && previous != null && YEAR.matcher(previous).find()
                        ? previous + line : line;
            } else {
                int notice = line.indexOf("关于印发");
                int noticeEnd = line.lastIndexOf("的通知");
                Matcher naming = NOTICE_NAMING.matcher(line);
                if (notice >= 0 && noticeEnd > notice + 4 && line.length() <= LONGEST_TITLE) {
                    candidate = TextForms.unitName(unwrapped(line.substring(notice + 4, noticeEnd)));
                } else if (naming.find() && TITLE_ENDINGS.stream().anyMatch(naming.group(1)::endsWith)) {
                    candidate = naming.group(1);
                }
            }
            if (candidate != null) {
                // A plan's title names its year; a shorter form without it (a file name) is kept in reserve.
                if (YEAR.matcher(candidate).find()) {
                    return candidate;
                }
                withoutYear = withoutYear == null ? candidate : withoutYear;
            }
            int requirements = opening.indexOf("工作的总体要求");
            if (requirements < 0) {
                requirements = opening.indexOf("工作总体要求");
            }
            if (derived == null && requirements > 0 && YEAR.matcher(opening.substring(0, requirements)).lookingAt()) {
                derived = opening.substring(0, requirements) + "工作要点";
            }
            boolean shortLine = line.length() <= LONGEST_TITLE / 2 && heading == null && TextForms.hasContent(line)
                    && line.equals(opening) && !DATE_LINE.matcher(line).find();
            previous = shortLine ? line : TextForms.hasContent(line) ? null : previous;
        }
        return withoutYear != null ? withoutYear : derived;
    }

    /** 《2023年区〈政府工作报告〉…方案》 → the inner title, its own quotation marks kept. */
    private static String unwrapped(String title) {
        String stripped = title.strip();
        if (stripped.startsWith("《") && stripped.endsWith("》") && stripped.indexOf('》') == stripped.length() - 1) {
            return stripped.substring(1, stripped.length() - 1);
        }
        return stripped;
    }

    private static String stripTrailingPunctuation(String line) {
        int end = line.length();
        while (end > 0 && "。.:：;；".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(0, end);
    }

    private LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = DATE.matcher(text);
        if (matcher.find()) {
            try {
                return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)));
            } catch (DateTimeException e) {
                // reported below like any other date that cannot be read
            }
        }
        diagnostics.warning(0, "UNREADABLE_DATE", "成文日期 is not a date", text);
        return null;
    }

    private static Integer yearOf(String title, LocalDate publishedOn) {
        if (title != null) {
            Matcher matcher = YEAR.matcher(title);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group());
            }
        }
        return publishedOn == null ? null : publishedOn.getYear();
    }
}
