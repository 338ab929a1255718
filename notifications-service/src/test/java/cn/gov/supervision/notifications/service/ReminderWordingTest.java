package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.domain.OfficialCalendar;
import cn.gov.supervision.notifications.domain.ReminderKind;
import cn.gov.supervision.notifications.domain.ReminderRule;
import cn.gov.supervision.notifications.domain.ReminderRules;
import cn.gov.supervision.notifications.domain.ReminderPolicy;
import cn.gov.supervision.notifications.domain.DeadlineKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of a reminder, against the official calendar and the rules' own details (not hand-made strings). */
class ReminderWordingTest {

    private static final LocalDate END_OF_SEPTEMBER = LocalDate.of(2022, 9, 30);

    @Test
    void datesReadAsPeopleWriteThem() {
        assertThat(ReminderWording.date(END_OF_SEPTEMBER)).isEqualTo("2022年9月30日");
        assertThat(ReminderWording.date(LocalDate.of(2023, 1, 3))).isEqualTo("2023年1月3日");
        assertThat(ReminderWording.date(null)).isEmpty();
        assertThat(ReminderWording.dateTime(OffsetDateTime.parse("2022-09-30T01:05:00Z"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo("2022年9月30日 09:05");
    }

    @Test
    void whereAnItemStandsCountsWorkingDaysOnTheOfficialCalendar() {
        // National Day week: 10-01..10-07 are holidays, 10-08 and 10-09 make-up working days
        assertThat(standing(ReminderKind.OVERDUE, LocalDate.of(2022, 10, 8))).isEqualTo("已逾期 1 个工作日");
        assertThat(standing(ReminderKind.OVERDUE, LocalDate.of(2022, 10, 14))).isEqualTo("已逾期 7 个工作日");
        assertThat(standing(ReminderKind.DUE_TODAY, END_OF_SEPTEMBER)).isEqualTo("今日到期");
        assertThat(standing(ReminderKind.DUE_SOON, LocalDate.of(2022, 9, 27))).isEqualTo("距截止还有 3 个工作日");
    }

    @Test
    void everyRuleTheRulesFireHasAName() {
        ReminderRules rules = new ReminderRules(OfficialCalendar.CALENDAR, ReminderPolicy.defaults());
        List<String> names = LocalDate.of(2022, 8, 1).datesUntil(LocalDate.of(2022, 12, 31))
                .flatMap(day -> rules.remindersOn(day, DeadlineKind.DATE, END_OF_SEPTEMBER, null, false).stream())
                .map(r -> ReminderWording.ruleName(r.rule(), r.ruleDetail())).distinct().toList();
        assertThat(names).contains("截止前 30 天提醒", "截止前 7 天提醒", "截止前 3 个工作日提醒", "截止当日提醒",
                "逾期提醒", "逾期升级督办");
        assertThat(ReminderWording.ruleName(ReminderRule.PROGRESS_REPORT, "Q3 2022 progress report"))
                .isEqualTo("2022年第3季度进展报送提醒");
        assertThat(ReminderWording.ruleName(ReminderRule.PROGRESS_REPORT, "2022-09 progress report"))
                .isEqualTo("2022年9月进展报送提醒");
        assertThat(ReminderWording.standing(ReminderKind.PROGRESS_REPORT, "2022 progress report", null,
                END_OF_SEPTEMBER, OfficialCalendar.CALENDAR)).isEqualTo("请报送2022年度工作进展");
    }

    private static String standing(ReminderKind kind, LocalDate day) {
        return ReminderWording.standing(kind, "", END_OF_SEPTEMBER, day, OfficialCalendar.CALENDAR);
    }
}
