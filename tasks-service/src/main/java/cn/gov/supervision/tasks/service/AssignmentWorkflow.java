package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.security.Caller;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.tasks.api.CompletionRequest;
import cn.gov.supervision.tasks.api.ExtensionRequest;
import cn.gov.supervision.tasks.api.ProgressRequest;
import cn.gov.supervision.tasks.api.TaskView;
import cn.gov.supervision.tasks.config.ProgressLimits;
import cn.gov.supervision.tasks.domain.Assignment;
import cn.gov.supervision.tasks.domain.AssignmentAction;
import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.ProgressReport;
import cn.gov.supervision.tasks.domain.Task;
import cn.gov.supervision.tasks.events.TaskEventTypes;
import cn.gov.supervision.tasks.events.TaskEvents;
import cn.gov.supervision.tasks.repository.ProgressReportRepository;
import cn.gov.supervision.tasks.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The supervision workflow of one unit's assignment: progress reports, completion requests (办结申请) and their
 * approval or return (退回), extension requests (延期申请) and their approval or rejection. Anything the current status
 * does not allow is a 409 that names what is allowed.
 */
@ApplicationScoped
public class AssignmentWorkflow {

    private final TaskService taskService;
    private final TaskRepository tasks;
    private final ProgressReportRepository progressReports;
    private final TaskHistory history;
    private final TaskViews views;
    private final TaskEvents events;
    private final Caller caller;
    private final AssignmentVisibility visibility;
    private final ProgressLimits limits;

    public AssignmentWorkflow(TaskService taskService, TaskRepository tasks, ProgressReportRepository progressReports,
                              TaskHistory history, TaskViews views, TaskEvents events, Caller caller,
                              AssignmentVisibility visibility, ProgressLimits limits) {
        this.taskService = taskService;
        this.tasks = tasks;
        this.progressReports = progressReports;
        this.history = history;
        this.views = views;
        this.events = events;
        this.caller = caller;
        this.visibility = visibility;
        this.limits = limits;
    }

    @Transactional
    public TaskView reportProgress(UUID taskId, UUID unitId, ProgressRequest request) {
        Task task = taskService.require(taskId);
        Assignment assignment = assignmentOf(task, unitId, AssignmentAction.REPORT_PROGRESS);
        // two reports at once both count below the cap, but both bump the task's version: one of them fails (409)
        if (progressReports.countByAssignment(taskId, unitId) >= limits.maxReportsPerAssignment()) {
            throw ProblemException.conflict("progress-limit", "The assignment of unit " + unitId + " in task " + taskId
                    + " already has " + limits.maxReportsPerAssignment() + " progress reports, the most one "
                    + "assignment keeps; report in the completion request or ask the supervising office");
        }
        ProgressReport report = new ProgressReport();
        report.id = UUID.randomUUID();
        report.taskId = taskId;
        report.unitId = unitId;
        report.reportedAt = OffsetDateTime.now();
        report.text = ChineseText.clean(request.text());
        report.percent = request.percent();
        report.links = views.writeLinks(request.links());
        report.reportedBy = caller.actor();
        progressReports.persist(report);
        if (request.percent() != null) {
            assignment.percent = request.percent();
        }
        AssignmentStatus from = assignment.status;
        assignment.status = AssignmentStatus.IN_PROGRESS;
        history.record(taskId, "PROGRESS_REPORTED", unitId, "percent", null, request.percent());
        Map<String, Object> change = change(unitId, from, assignment.status);
        // the report's id and percent only: its text and links are read through the API, so an event stays small
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("id", report.id.toString());
        progress.put("percent", request.percent());
        change.put("progress", progress);
        return finish(task, assignment, TaskEventTypes.PROGRESS_REPORTED, change);
    }

    @Transactional
    public TaskView requestCompletion(UUID taskId, UUID unitId, CompletionRequest request) {
        Task task = taskService.require(taskId);
        Assignment assignment = assignmentOf(task, unitId, AssignmentAction.REQUEST_COMPLETION);
        AssignmentStatus from = assignment.status;
        assignment.completionEvidence = ChineseText.clean(request.evidence());
        assignment.completionLinks = views.writeLinks(request.links());
        assignment.returnReason = null;
        assignment.completionRequestedBy = caller.subject();
        assignment.status = AssignmentStatus.COMPLETION_REQUESTED;
        history.record(taskId, "COMPLETION_REQUESTED", unitId, "status", from, assignment.status);
        return finish(task, assignment, TaskEventTypes.ASSIGNMENT_STATUS_CHANGED, change(unitId, from, assignment.status));
    }

    @Transactional
    public TaskView approveCompletion(UUID taskId, UUID unitId) {
        Task task = taskService.require(taskId);
        Assignment assignment = assignmentOf(task, unitId, AssignmentAction.APPROVE_COMPLETION);
        requireOtherThanRequester(assignment.completionRequestedBy, "approve the completion it requested");
        AssignmentStatus from = assignment.status;
        assignment.status = AssignmentStatus.COMPLETED;
        assignment.completedAt = OffsetDateTime.now();
        assignment.percent = 100;
        history.record(taskId, "COMPLETION_APPROVED", unitId, "status", from, assignment.status);
        return finish(task, assignment, TaskEventTypes.ASSIGNMENT_STATUS_CHANGED, change(unitId, from, assignment.status));
    }

    @Transactional
    public TaskView returnCompletion(UUID taskId, UUID unitId, String reason) {
        Task task = taskService.require(taskId);
        Assignment assignment = assignmentOf(task, unitId, AssignmentAction.RETURN_COMPLETION);
        requireReviewer();
        AssignmentStatus from = assignment.status;
        assignment.status = AssignmentStatus.IN_PROGRESS;
        assignment.returnReason = ChineseText.clean(reason);
        history.record(taskId, "COMPLETION_RETURNED", unitId, "status", from, assignment.status + ": " + assignment.returnReason);
        Map<String, Object> change = change(unitId, from, assignment.status);
        change.put("reason", assignment.returnReason);
        return finish(task, assignment, TaskEventTypes.ASSIGNMENT_STATUS_CHANGED, change);
    }

    @Transactional
    public TaskView requestExtension(UUID taskId, UUID unitId, ExtensionRequest request) {
        Task task = taskService.require(taskId);
        Assignment assignment = assignmentOf(task, unitId, AssignmentAction.REQUEST_EXTENSION);
        LocalDate current = assignment.effectiveDueDate();
        if (current == null) {
            throw ProblemException.conflict("no-deadline", "Task " + task.code + " has no due date to extend");
        }
        if (!request.proposedDueDate().isAfter(current)) {
            throw ProblemException.invalidField("proposedDueDate", "must be after the current due date " + current);
        }
        AssignmentStatus from = assignment.status;
        assignment.statusBeforeExtension = from;
        assignment.proposedDueDate = request.proposedDueDate();
        assignment.extensionReason = ChineseText.clean(request.reason());
        assignment.extensionRequestedBy = caller.subject();
        assignment.status = AssignmentStatus.EXTENSION_REQUESTED;
        history.record(taskId, "EXTENSION_REQUESTED", unitId, "dueDate", current, request.proposedDueDate());
        return finish(task, assignment, TaskEventTypes.ASSIGNMENT_STATUS_CHANGED, change(unitId, from, assignment.status));
    }

    /** The unit's own clock moves; the old date stays in history. */
    @Transactional
    public TaskView approveExtension(UUID taskId, UUID unitId) {
        Task task = taskService.require(taskId);
        Assignment assignment = assignmentOf(task, unitId, AssignmentAction.APPROVE_EXTENSION);
        requireOtherThanRequester(assignment.extensionRequestedBy, "approve the extension it requested");
        AssignmentStatus from = assignment.status;
        LocalDate oldDue = assignment.effectiveDueDate();
        assignment.extendedDueDate = assignment.proposedDueDate;
        assignment.status = assignment.statusBeforeExtension;
        clearExtensionRequest(assignment);
        history.record(taskId, "EXTENSION_APPROVED", unitId, "dueDate", oldDue, assignment.extendedDueDate);
        Map<String, Object> change = change(unitId, from, assignment.status);
        change.put("oldDueDate", oldDue.toString());
        change.put("newDueDate", assignment.extendedDueDate.toString());
        return finish(task, assignment, TaskEventTypes.DEADLINE_CHANGED, change);
    }

    @Transactional
    public TaskView rejectExtension(UUID taskId, UUID unitId, String reason) {
        Task task = taskService.require(taskId);
        Assignment assignment = assignmentOf(task, unitId, AssignmentAction.REJECT_EXTENSION);
        requireReviewer();
        AssignmentStatus from = assignment.status;
        assignment.status = assignment.statusBeforeExtension;
        LocalDate rejected = assignment.proposedDueDate;
        clearExtensionRequest(assignment);
        history.record(taskId, "EXTENSION_REJECTED", unitId, "dueDate", rejected, ChineseText.clean(reason));
        Map<String, Object> change = change(unitId, from, assignment.status);
        change.put("reason", ChineseText.clean(reason));
        return finish(task, assignment, TaskEventTypes.ASSIGNMENT_STATUS_CHANGED, change);
    }

    private static void clearExtensionRequest(Assignment assignment) {
        assignment.statusBeforeExtension = null;
        assignment.proposedDueDate = null;
        assignment.extensionReason = null;
        assignment.extensionRequestedBy = null;
    }

    /**
     * Deciding is never a unit's: kit.security already withholds tasks:review from unit-bound callers, and this holds
     * even if a resource were ever declared with a looser permission.
     */
    private void requireReviewer() {
        if (caller.confinedUnit().isPresent()) {
            throw ProblemException.forbidden("A caller bound to a unit does not decide on requests");
        }
    }

    /**
     * Separation of duties: whoever requested may not approve. Returning or rejecting one's own request stays
     * possible, as a withdrawal that decides nothing in the requester's favour.
     */
    private void requireOtherThanRequester(String requestedBy, String what) {
        requireReviewer();
        if (requestedBy != null && requestedBy.equals(caller.subject())) {
            throw ProblemException.forbidden("Separation of duties: the caller who requested may not " + what);
        }
    }

    /** Every action goes through here, so a caller confined to a unit can touch its own assignment only. */
    private Assignment assignmentOf(Task task, UUID unitId, AssignmentAction action) {
        caller.requireUnit(unitId, action + " on the assignment");
        Assignment assignment = task.assignmentOf(unitId).orElseThrow(() -> ProblemException.notFound(
                "Assignment of unit " + unitId + " in task", task.id));
        if (!action.allowedFrom(assignment.status)) {
            throw ProblemException.conflict("illegal-transition", "Cannot " + action + " an assignment that is "
                    + assignment.status + "; allowed now: " + AssignmentAction.allowedIn(assignment.status));
        }
        return assignment;
    }

    private TaskView finish(Task task, Assignment assignment, String eventType,
                            Map<String, Object> change) {
        OffsetDateTime now = OffsetDateTime.now();
        assignment.updatedAt = now;
        task.updatedAt = now;
        AssignmentStatus taskBefore = task.status;
        TaskRollup.apply(task);
        if (taskBefore != task.status) {
            history.record(task.id, "STATUS_ROLLED_UP", null, "status", taskBefore, task.status);
        }
        tasks.flush();
        TaskView view = views.of(task);
        events.publish(eventType, view, change);
        return visibility.shown(view);
    }

    private static Map<String, Object> change(UUID unitId, AssignmentStatus from, AssignmentStatus to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("unitId", unitId.toString());
        change.put("fromStatus", from.name());
        change.put("toStatus", to.name());
        return change;
    }
}
