package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.ServiceFoundationChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends ServiceFoundationChecks {

    @Override
    protected String expectedDatabase() {
        return "tasks_test";
    }

    @Override
    protected String jsonWritePath() {
        return "/api/v1/tasks";
    }

    @Override
    protected String pathWithMalformedParameter() {
        return "/api/v1/tasks/not-a-uuid";
    }
}
