package cn.gov.supervision.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderPolicyTest {

    @Test
    void defaults() {
        ReminderPolicy policy = ReminderPolicy.defaults();
        assertThat(policy.calendarDaysBefore()).containsExactly(30, 7);
        assertThat(policy.workingDaysBefore()).containsExactly(3, 1);
        assertThat(policy.onDeadlineDay()).isTrue();
        assertThat(policy.overdueRepeatEveryWorkingDays()).isEqualTo(3);
        assertThat(policy.escalateAfterWorkingDaysOverdue()).isEqualTo(5);
        assertThat(policy.quarterlyProgressForYearRound()).isTrue();
        assertThat(policy.monthlyProgressForRecurring()).isTrue();
    }

    @Test
    void keepsItsOwnCopyOfTheOffsets() {
        List<Integer> offsets = new ArrayList<>(List.of(5));
        ReminderPolicy policy = new ReminderPolicy(offsets, offsets, true, 3, 5, true, true);
        offsets.add(9);
        assertThat(policy.calendarDaysBefore()).containsExactly(5);
        assertThat(policy.workingDaysBefore()).containsExactly(5);
    }

    @Test
    void acceptsEmptyOffsetsAndZero() {
        ReminderPolicy policy = new ReminderPolicy(List.of(), List.of(0), false, 1, 1, false, false);
        assertThat(policy.calendarDaysBefore()).isEmpty();
        assertThat(policy.workingDaysBefore()).containsExactly(0);
    }

    @Test
    void rejectsNullOffsetLists() {
        assertThatThrownBy(() -> new ReminderPolicy(null, List.of(3), true, 3, 5, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendarDaysBefore");
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), null, true, 3, 5, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workingDaysBefore");
    }

    @Test
    void rejectsNullAndNegativeOffsets() {
        assertThatThrownBy(() -> new ReminderPolicy(Arrays.asList(30, null), List.of(3), true, 3, 5, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendarDaysBefore must not contain null");
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), List.of(3, -1), true, 3, 5, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workingDaysBefore must not contain negative values");
    }

    @Test
    void rejectsOverdueRepeatAndEscalationBelowOne() {
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), List.of(3), true, 0, 5, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overdueRepeatEveryWorkingDays");
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), List.of(3), true, 3, 0, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escalateAfterWorkingDaysOverdue");
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), List.of(3), true, 3, -5, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escalateAfterWorkingDaysOverdue");
    }
}
