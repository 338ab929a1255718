package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.domain.ReminderKind;
import cn.gov.supervision.notifications.domain.ReminderRule;
import cn.gov.supervision.notifications.domain.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every word of a reminder that a person reads, in the Chinese clerks use: rule names (截止前 7 天 / 截止前 3 个工作日 /
 * 截止当日 / 逾期提醒 / 升级督办), where a task stands against its deadline (已逾期 70 个工作日 / 距截止还有 3 个工作日 /
 * 今日到期), dates as 2022年9月30日, lights, statuses and what the supervising office expects next. Mails, the digest
 * page, webhook texts and the weekly report all take their words from here, so they say the same thing the same way;
 * the API keeps its codes and ISO dates.
 */
public final class ReminderWording {

    /** ReminderRules writes its detail as "7 days before", "3 working days before", "Q3 2022 progress report"… */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)\\b");
    private static final Pattern QUARTER = Pattern.compile("^Q(\\d) (\\d{4})");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4}) ");

    private ReminderWording() {
    }

    /** 2022年9月30日; an empty string for no date. */
    public static String date(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 已逾期 3 个工作日; 今日到期 on the due date itself (0), when nothing is late yet. */
    public static String overdue(int workingDays) {
        return workingDays <= 0 ? "今日到期" : "已逾期 " + workingDays + " 个工作日";
    }

    /** 2022年9月30日 14:05, in the zone where the plans apply. */
    public static String dateTime(OffsetDateTime time, ZoneId zone) {
        if (time == null) {
            return "";
        }
        var local = time.atZoneSameInstant(zone);
        return date(local.toLocalDate()) + String.format(" %02d:%02d", local.getHour(), local.getMinute());
    }

    /** The rule that fired, as a supervising office names it. */
    public static String ruleName(ReminderRule rule, String ruleDetail) {
        return switch (rule) {
            case DAYS_BEFORE -> "截止前 " + leadingNumber(ruleDetail) + " 天提醒";
            case WORKING_DAYS_BEFORE -> "截止前 " + leadingNumber(ruleDetail) + " 个工作日提醒";
            case DEADLINE_DAY -> "截止当日提醒";
            case OVERDUE -> "逾期提醒";
            case ESCALATION -> "逾期升级督办";
            case PROGRESS_REPORT -> progressPeriod(ruleDetail) + "进展报送提醒";
        };
    }

    /**
     * Where the item stands on {@code day}: 已逾期 N 个工作日, 今日到期, 距截止还有 N 个工作日, or for a progress report
     * the period it is due for.
     */
    public static String standing(ReminderKind kind, String ruleDetail, LocalDate effectiveDeadline, LocalDate day,
                                  WorkingDayCalendar calendar) {
        if (kind == ReminderKind.PROGRESS_REPORT) {
            return "请报送" + progressPeriod(ruleDetail) + "工作进展";
        }
        if (effectiveDeadline == null) {
            return "";
        }
        if (day.isAfter(effectiveDeadline)) {
            return "已逾期 " + calendar.overdueWorkingDay(effectiveDeadline, day) + " 个工作日";
        }
        if (day.equals(effectiveDeadline)) {
            return overdue(0);
        }
        return "距截止还有 " + calendar.workingDaysBetween(day.plusDays(1), effectiveDeadline) + " 个工作日";
    }

    /** 红灯 / 黄灯 / 绿灯 for the API's RED / YELLOW / GREEN; 无 for a task without a light. */
    public static String light(String light) {
        if (light == null) {
            return "无";
        }
        return switch (light) {
            case "RED" -> "红灯";
            case "YELLOW" -> "黄灯";
            case "GREEN" -> "绿灯";
            default -> "无";
        };
    }

    /** An assignment's status as the unit reads it. */
    public static String status(String status) {
        if (status == null) {
            return "未知";
        }
        return switch (status) {
            case "NOT_STARTED" -> "未开始";
            case "IN_PROGRESS" -> "推进中";
            case "COMPLETION_REQUESTED" -> "已申请办结，待审核";
            case "COMPLETED" -> "已办结";
            case "EXTENSION_REQUESTED" -> "已申请延期，待审核";
            default -> "未知";
        };
    }

    /** What the supervising office expects the unit to do next, given the reminder and the unit's own status. */
    public static String expectedNext(ReminderKind kind, String status) {
        if ("COMPLETED".equals(status)) {
            return "已办结，无需再操作。";
        }
        if ("COMPLETION_REQUESTED".equals(status)) {
            return "办结申请已提交，请等候督查室审核；如被退回，请按退回意见补充后重新提交。";
        }
        if ("EXTENSION_REQUESTED".equals(status)) {
            return "延期申请待督查室审核；审核通过前仍按原时限推进。";
        }
        return switch (kind) {
            case DUE_SOON -> "请按时限推进，到期前提交办结申请；确有困难的，请提前申请延期并说明理由。";
            case DUE_TODAY -> "今日到期：请今日内提交办结申请；确需延期的，请今日内申请延期。";
            case OVERDUE -> "已超过完成时限：请尽快办结并提交办结材料，确需延期的请说明理由申请延期。";
            case ESCALATION -> "已逾期并升级督办：请分管领导督促，尽快办结并书面说明逾期原因。";
            case PROGRESS_REPORT -> "请在本期结束前报送工作进展。";
        };
    }

    /** The reminder in a few words, as the mail's 提醒 column shows it. */
    public static String kind(ReminderKind kind) {
        return switch (kind) {
            case DUE_SOON -> "即将到期";
            case DUE_TODAY -> "今日到期";
            case OVERDUE -> "已逾期";
            case ESCALATION -> "逾期升级督办";
            case PROGRESS_REPORT -> "请报送进展";
        };
    }

    private static String leadingNumber(String ruleDetail) {
        Matcher number = LEADING_NUMBER.matcher(ruleDetail == null ? "" : ruleDetail);
        return number.find() ? number.group(1) : "若干";
    }

    /** 2022年第3季度, 2022年9月, 2022年度, from ReminderRules' period ("Q3 2022", "2022-09", "2022"). */
    private static String progressPeriod(String ruleDetail) {
        String detail = ruleDetail == null ? "" : ruleDetail;
        Matcher quarter = QUARTER.matcher(detail);
        if (quarter.find()) {
            return quarter.group(2) + "年第" + quarter.group(1) + "季度";
        }
        Matcher month = MONTH.matcher(detail);
        if (month.find()) {
            return month.group(1) + "年" + Integer.parseInt(month.group(2)) + "月";
        }
        Matcher year = YEAR.matcher(detail);
        return year.find() ? year.group(1) + "年度" : "本期";
    }
}
