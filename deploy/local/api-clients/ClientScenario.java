import cn.gov.supervision.client.ApiClient;
import cn.gov.supervision.client.ApiException;
import cn.gov.supervision.client.ApiResponse;
import cn.gov.supervision.client.api.NotificationsServiceNotificationsApi;
import cn.gov.supervision.client.api.TasksServiceAssignmentsApi;
import cn.gov.supervision.client.api.TasksServicePlansApi;
import cn.gov.supervision.client.api.TasksServiceTasksApi;
import cn.gov.supervision.client.model.CreateTaskRequest;
import cn.gov.supervision.client.model.DeadlineData;
import cn.gov.supervision.client.model.PageViewTaskView;
import cn.gov.supervision.client.model.PlanRequest;
import cn.gov.supervision.client.model.PlanView;
import cn.gov.supervision.client.model.ProgressRequest;
import cn.gov.supervision.client.model.TaskCategory;
import cn.gov.supervision.client.model.TaskView;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A client another system would write: only the generated Java client (native library), against the gateway. */
public class ClientScenario {

    private static final UUID ANJI = UUID.fromString("8adaa131-6c5e-5537-a900-cb817fd98db7"); // a reference unit

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(System.getenv("GATEWAY_URL"));
        String token = System.getenv("TOKEN");
        ApiClient client = new ApiClient();
        client.setScheme(gateway.getScheme()).setHost(gateway.getHost()).setPort(gateway.getPort());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        TasksServiceTasksApi tasks = new TasksServiceTasksApi(client);

        PageViewTaskView listed = tasks.listTasks(null, null, null, null, null, 0, null, null, null, 5, null, null, null);
        check(listed.getItems() != null && listed.getTotal() != null, "listTasks answers a page");

        int year = 2080 + (int) (System.currentTimeMillis() % 10);
        PlanView plan = new TasksServicePlansApi(client).createPlan(
                new PlanRequest().title("Java 客户端场景计划 " + System.nanoTime()).year(year));
        TaskView created = tasks.createTask(new CreateTaskRequest()
                .planId(plan.getId()).code("J-" + System.nanoTime()).category(TaskCategory.KEY_TASK)
                .title("生成客户端的场景任务").leadUnitIds(List.of(ANJI))
                .deadline(new DeadlineData().kind(DeadlineData.KindEnum.DATE).dueDate(LocalDate.of(year, 9, 30))));
        ApiResponse<TaskView> read = tasks.getTaskWithHttpInfo(created.getId());
        String etag = read.getHeaders().getOrDefault("etag", read.getHeaders().getOrDefault("ETag", List.of()))
                .stream().findFirst().orElse(null);
        check(etag != null && !etag.isEmpty(), "getTask answers an ETag");
        check(created.getId().equals(read.getData().getId()), "getTask reads the created task");

        TaskView progressed = new TasksServiceAssignmentsApi(client).reportProgress(created.getId(), ANJI,
                new ProgressRequest().text("已启动").percent(10));
        check(progressed.getAssignments().stream().anyMatch(a -> ANJI.equals(a.getUnitId())
                && "IN_PROGRESS".equals(String.valueOf(a.getStatus()))), "reportProgress moves the unit on");

        var feed = new NotificationsServiceNotificationsApi(client).listNotifications(null, null, ANJI, null);
        check(feed.getItems() != null, "listNotifications answers a page");

        try {
            tasks.getTask(new UUID(0, 0));
            check(false, "an unknown task is a 404");
        } catch (ApiException notFound) {
            check(notFound.getCode() == 404, "an unknown task is a 404 problem, not " + notFound.getCode());
        }
        System.out.println("Java client scenario: OK (task " + created.getId() + ", ETag " + etag + ")");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("scenario: " + what);
        }
    }
}
