package cn.gov.supervision.tasks.rest;

import cn.gov.supervision.kit.web.EntityTags;
import cn.gov.supervision.tasks.api.TaskView;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Every answer that returns a task carries its version as ETag, so the next update can name it in If-Match. */
final class TaskResponses {

    private TaskResponses() {
    }

    static Response withETag(Response.ResponseBuilder response, TaskView task) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(task.version())).entity(task).build();
    }
}
