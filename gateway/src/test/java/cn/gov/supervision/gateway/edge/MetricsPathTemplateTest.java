package cn.gov.supervision.gateway.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsPathTemplateTest {

    @Test
    void idsBecomePlaceholdersAndNamesStay() {
        assertThat(MetricsPathTemplate.of("/api/v1/tasks/0d089ee1-9a0d-58c2-9230-10dbb242559a/assignments/"
                + "F2A77C3B-E192-5206-8D80-10907D4ACB13/progress"))
                .isEqualTo("/api/v1/tasks/{id}/assignments/{id}/progress");
        assertThat(MetricsPathTemplate.of("/api/v1/calendar/2024")).isEqualTo("/api/v1/calendar/{id}");
        assertThat(MetricsPathTemplate.of("/api/v1/calendar/workdays")).isEqualTo("/api/v1/calendar/workdays");
        assertThat(MetricsPathTemplate.of("/api/v1/tasks/calendar.ics")).isEqualTo("/api/v1/tasks/calendar.ics");
        assertThat(MetricsPathTemplate.of("/api/v1/plans/2024abc")).isEqualTo("/api/v1/plans/2024abc");
    }
}
