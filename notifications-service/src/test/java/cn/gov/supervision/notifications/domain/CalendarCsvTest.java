package cn.gov.supervision.notifications.domain;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarCsvTest {

    private static final String HEADER = "date,kind,name\n";

    private static WorkingDayCalendar parseCsv(String text) {
        return WorkingDayCalendar.parseCsv(new StringReader(text));
    }

    @Test
    void readsEveryLineOfTheOfficialFile() {
        int entries = IntStream.rangeClosed(2022, 2026)
                .map(year -> OfficialCalendar.CALENDAR.specialDays(year).size())
                .sum();
        assertThat(entries).isEqualTo(180);
    }

    @Test
    void toleratesByteOrderMarkCrLfAndBlankLines() {
        WorkingDayCalendar calendar = parseCsv(
                "\uFEFFdate,kind,name\r\n2022-10-08,WORKDAY,国庆节\r\n\r\n2022-10-03,HOLIDAY,国庆节\r\n");
        assertThat(calendar.specialDays(2022)).containsExactly(
                new SpecialDay(parse("2022-10-03"), DayKind.HOLIDAY, "国庆节"),
                new SpecialDay(parse("2022-10-08"), DayKind.WORKDAY, "国庆节"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "2022-13-01,HOLIDAY,元旦           | bad date '2022-13-01'",
            "2022/10/08,WORKDAY,国庆节         | bad date '2022/10/08'",
            "2022-10-08,WORKING,国庆节         | unknown kind 'WORKING'",
            "2022-10-08,WORKDAY               | expected 3 columns (date,kind,name) but found 2",
            "2022-10-08,WORKDAY,国庆节,extra   | expected 3 columns (date,kind,name) but found 4"
    })
    void malformedLineIsRejectedWithItsLineNumber(String badLine, String problem) {
        String csv = HEADER + "2022-10-03,HOLIDAY,国庆节\n" + badLine.strip() + "\n";
        assertThatThrownBy(() -> parseCsv(csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining(problem);
    }

    @Test
    void duplicateDateIsRejectedNamingBothLines() {
        String csv = HEADER + "2022-10-08,WORKDAY,国庆节\n2022-10-08,HOLIDAY,国庆节\n";
        assertThatThrownBy(() -> parseCsv(csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("already given on line 2");
    }

    @Test
    void wrongOrMissingHeaderIsRejected() {
        assertThatThrownBy(() -> parseCsv("2022-10-08,WORKDAY,国庆节\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected header 'date,kind,name'");
        assertThatThrownBy(() -> parseCsv(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }
}
