package cn.gov.supervision.tasks.service;

import cn.gov.supervision.tasks.api.AssignmentView;
import cn.gov.supervision.tasks.api.DeadlineData;
import cn.gov.supervision.tasks.api.TaskView;
import cn.gov.supervision.tasks.api.UnitSummary;
import cn.gov.supervision.tasks.domain.Assignment;
import cn.gov.supervision.tasks.domain.AssignmentRole;
import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.Light;
import cn.gov.supervision.tasks.domain.NamedUnit;
import cn.gov.supervision.tasks.domain.Task;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Tasks as the API and the events show them; one shape for both, so consumers see what clients see. */
@ApplicationScoped
public class TaskViews {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final UnitDirectory units;
    private final Today today;
    private final ObjectMapper objectMapper;

    public TaskViews(UnitDirectory units, Today today, ObjectMapper objectMapper) {
        this.units = units;
        this.today = today;
        this.objectMapper = objectMapper;
    }

    public TaskView of(Task task) {
        return of(List.of(task)).get(0);
    }

    /** Maps a page of tasks with one lookup of unit names for all of them. */
    public List<TaskView> of(Collection<Task> tasks) {
        Set<UUID> unitIds = new HashSet<>();
        for (Task task : tasks) {
            task.namedUnits.forEach(u -> unitIds.add(u.unitId));
            task.assignments.forEach(a -> unitIds.add(a.unitId));
        }
        Map<UUID, UnitSummary> names = units.summaries(unitIds);
        var date = today.date();
        return tasks.stream().map(task -> view(task, names, date)).toList();
    }

    private TaskView view(Task task, Map<UUID, UnitSummary> names, java.time.LocalDate date) {
        List<AssignmentView> assignments = task.assignments.stream().map(a -> assignment(a, names, date)).toList();
        Light light = task.status == AssignmentStatus.COMPLETED ? Light.NONE : Light.of(task.nextDueDate, date);
        return new TaskView(task.id, task.planId, task.code, task.category, task.section, task.title,
                task.description, task.originalText, named(task, AssignmentRole.LEAD, names),
                named(task, AssignmentRole.CO, names),
                new DeadlineData(task.deadlineText, task.deadlineKind, task.dueDate, task.recurrence),
                task.status, light, task.nextDueDate, assignments, task.version, task.createdAt, task.updatedAt);
    }

    private AssignmentView assignment(Assignment a, Map<UUID, UnitSummary> names, java.time.LocalDate date) {
        Light light = a.isCompleted() ? Light.NONE : Light.of(a.effectiveDueDate(), date);
        AssignmentView.PendingExtension extension = a.status == AssignmentStatus.EXTENSION_REQUESTED
                ? new AssignmentView.PendingExtension(a.proposedDueDate, a.extensionReason) : null;
        return new AssignmentView(a.id, a.unitId, names.get(a.unitId).name(), a.role, a.viaGroupId, a.status,
                a.effectiveDueDate(), light, a.percent, a.completionEvidence, readLinks(a.completionLinks),
                a.completedAt, a.returnReason, extension, AssignmentView.Detail.FULL);
    }

    private static List<UnitSummary> named(Task task, AssignmentRole role, Map<UUID, UnitSummary> names) {
        return task.namedUnits.stream().filter(u -> u.role == role).map((NamedUnit u) -> names.get(u.unitId)).toList();
    }

    public List<String> readLinks(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return objectMapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt link list", e);
        }
    }

    public String writeLinks(List<String> links) {
        try {
            return objectMapper.writeValueAsString(links == null ? List.of() : links);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
