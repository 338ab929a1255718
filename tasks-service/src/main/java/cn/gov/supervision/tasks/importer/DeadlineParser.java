package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.DeadlineKind;
import cn.gov.supervision.tasks.domain.Recurrence;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands deadlines as plans write them (9月底前, 全年, 持续推进, 每季度, 2023年3月底前), simplified or traditional,
 * relative to the plan's year. Text it does not understand gives kind NONE, which the caller reports.
 */
public final class DeadlineParser {

    /** A deadline is a few words; anything longer is prose that happens to sit in the deadline column. */
    private static final int LONGEST_DEADLINE = 40;

    /** Deadlines joined into one text; NFKC has turned the full-width ones into ASCII. */
    private static final String SEPARATORS = ",;、。";

    private static final String MONTH = "(\\d{1,2}|十[一二]?|[一二三四五六七八九])";
    private static final Pattern NUMERIC_DATE = Pattern.compile("((?:19|20)\\d{2})[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?");
    private static final Pattern EXPLICIT_YEAR = Pattern.compile("((?:19|20)\\d{2})年(.*)");
    private static final Pattern MONTH_DAY = Pattern.compile(MONTH + "月(\\d{1,2})[日号]");
    private static final Pattern MONTH_THIRD = Pattern.compile(MONTH + "月([上中下])旬");
    private static final Pattern MONTH_END = Pattern.compile(MONTH + "月(?:份)?(?:底|末)?");
    private static final Pattern QUARTER = Pattern.compile("第?([一二三四1-4])季度?(?:末|底)?");

    /** What may follow a year to mean its end: 2023年底, 2023年内, 年度内. */
    private static final Set<String> YEAR_END = Set.of("", "底", "末", "内", "度", "度内", "年底", "年末", "年内");
    private static final Set<String> THIS_YEAR_END = Set.of("年底", "年末", "年内", "当年", "本年", "本年度", "年度内");
    private static final List<String> ONGOING = List.of("持续", "长期", "常态", "长效");

    public ParsedDeadline parse(String text, int planYear) {
        return parse(text, (Integer) planYear);
    }

    /** With {@code planYear} null (a plan that does not say its year), only forms that need no year are dated. */
    ParsedDeadline parse(String text, Integer planYear) {
        String original = text == null ? "" : text;
        String stripped = original.strip();
        if (stripped.isEmpty() || stripped.length() > LONGEST_DEADLINE) {
            return ParsedDeadline.none(original);
        }
        String words = withoutFraming(TextForms.key(stripped));
        if (words.chars().anyMatch(c -> SEPARATORS.indexOf(c) >= 0)) {
            // 6月底前完成初稿,12月底前定稿: which is the deadline is for a person to say.
            return ParsedDeadline.none(original);
        }
        ParsedDeadline understood = understand(original, words, planYear);
        return understood == null ? ParsedDeadline.none(original) : understood;
    }

    private static ParsedDeadline understand(String original, String words, Integer planYear) {
        Matcher numeric = NUMERIC_DATE.matcher(words);
        if (numeric.matches()) {
            int year = Integer.parseInt(numeric.group(1));
            int month = Integer.parseInt(numeric.group(2));
            return numeric.group(3) == null ? monthEnd(original, year, month)
                    : date(original, year, month, Integer.parseInt(numeric.group(3)));
        }
        ParsedDeadline periodic = periodic(original, words);
        if (periodic != null) {
            return periodic;
        }
        Matcher explicit = EXPLICIT_YEAR.matcher(words);
        if (explicit.matches()) {
            int year = Integer.parseInt(explicit.group(1));
            String rest = explicit.group(2);
            return YEAR_END.contains(rest) ? date(original, year, 12, 31) : dated(original, rest, year);
        }
        return planYear == null ? null : dated(original, words, planYear);
    }

    /** Forms that fall on a day of the given year. */
    private static ParsedDeadline dated(String original, String words, int year) {
        if (words.equals("全年") || words.equals("全年度")) {
            return new ParsedDeadline(original, DeadlineKind.YEAR_ROUND, LocalDate.of(year, 12, 31), null);
        }
        if (THIS_YEAR_END.contains(words) || words.equals("下半年")) {
            return date(original, year, 12, 31);
        }
        if (words.equals("上半年") || words.equals("年中")) {
            return date(original, year, 6, 30);
        }
        Matcher quarter = QUARTER.matcher(words);
        if (quarter.matches()) {
            int number = "一二三四".indexOf(quarter.group(1).charAt(0)) + 1;
            return monthEnd(original, year, 3 * (number > 0 ? number : Integer.parseInt(quarter.group(1))));
        }
        Matcher monthDay = MONTH_DAY.matcher(words);
        if (monthDay.matches()) {
            return date(original, year, month(monthDay.group(1)), Integer.parseInt(monthDay.group(2)));
        }
        Matcher third = MONTH_THIRD.matcher(words);
        if (third.matches()) {
            int month = month(third.group(1));
            return switch (third.group(2)) {
                case "上" -> date(original, year, month, 10);
                case "中" -> date(original, year, month, 20);
                default -> monthEnd(original, year, month);
            };
        }
        Matcher monthEnd = MONTH_END.matcher(words);
        if (monthEnd.matches()) {
            return monthEnd(original, year, month(monthEnd.group(1)));
        }
        return null;
    }

    /** Forms that never fall due once: 按月, 每季度, 持续推进, 长期坚持. */
    private static ParsedDeadline periodic(String original, String words) {
        if (containsAny(words, "每月", "按月", "逐月")) {
            return new ParsedDeadline(original, DeadlineKind.RECURRING, null, Recurrence.MONTHLY);
        }
        if (containsAny(words, "每季", "按季", "逐季")) {
            return new ParsedDeadline(original, DeadlineKind.RECURRING, null, Recurrence.QUARTERLY);
        }
        if (containsAny(words, "每年", "按年", "逐年")) {
            return new ParsedDeadline(original, DeadlineKind.RECURRING, null, Recurrence.ANNUAL);
        }
        if (ONGOING.stream().anyMatch(words::contains)) {
            return new ParsedDeadline(original, DeadlineKind.ONGOING, null, null);
        }
        return null;
    }

    /** 在9月底前完成 and 截至9月底 say no more than 9月底. */
    private static String withoutFraming(String words) {
        String core = words;
        for (String lead : List.of("截至", "截止", "于", "在")) {
            if (core.startsWith(lead)) {
                core = core.substring(lead.length());
            }
        }
        for (String tail : List.of("完成", "之前", "以前", "前")) {
            if (core.endsWith(tail)) {
                core = core.substring(0, core.length() - tail.length());
            }
        }
        return core;
    }

    private static boolean containsAny(String words, String... parts) {
        for (String part : parts) {
            if (words.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The month a numeral names: 9 or 九; a value outside 1–12, which no date accepts, when it names none. */
    private static int month(String numeral) {
        return Character.isDigit(numeral.charAt(0)) ? Integer.parseInt(numeral) : ChineseNumber.valueOf(numeral);
    }

    private static ParsedDeadline monthEnd(String original, int year, int month) {
        if (month < 1 || month > 12) {
            return null;
        }
        return new ParsedDeadline(original, DeadlineKind.DATE, YearMonth.of(year, month).atEndOfMonth(), null);
    }

    private static ParsedDeadline date(String original, int year, int month, int day) {
        try {
            return new ParsedDeadline(original, DeadlineKind.DATE, LocalDate.of(year, month, day), null);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
