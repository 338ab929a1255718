package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.ServiceFoundationChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends ServiceFoundationChecks {

    @Override
    protected String expectedDatabase() {
        return "notifications_test";
    }

    @Override
    protected String jsonWritePath() {
        return "/api/v1/calendar/2027";
    }

    @Override
    protected String jsonWriteMethod() {
        return "PUT";
    }

    @Override
    protected String pathWithMalformedParameter() {
        return "/api/v1/calendar/twenty-twenty";
    }
}
