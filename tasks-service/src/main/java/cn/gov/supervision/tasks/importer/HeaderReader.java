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
    private static final List<String> TITLE_ENDINGS = List.of("工作要点", "工作计划", "实施方案");

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
        LocalDate publishedOn = date(values.getOrDefault("成文日期", values.get("发布日期")));
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
        for (int i : textLines) {
            String opening = TextForms.readable(TextForms.shorten(lines.text(i).strip(), LONGEST_TITLE * 2));
            String line = stripTrailingPunctuation(opening);
            if (line.length() <= LONGEST_TITLE && TITLE_ENDINGS.stream().anyMatch(line::endsWith)) {
                return line;
            }
            int notice = line.indexOf("关于印发");
            int noticeEnd = line.lastIndexOf("的通知");
            if (notice >= 0 && noticeEnd > notice + 4 && line.length() <= LONGEST_TITLE) {
                return line.substring(notice + 4, noticeEnd).replaceAll("[《》]", "");
            }
            int requirements = opening.indexOf("工作的总体要求");
            if (requirements < 0) {
                requirements = opening.indexOf("工作总体要求");
            }
            if (derived == null && requirements > 0 && YEAR.matcher(opening.substring(0, requirements)).lookingAt()) {
                derived = opening.substring(0, requirements) + "工作要点";
            }
        }
        return derived;
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
