package cn.gov.supervision.tasks.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What can be done to an assignment, and in which statuses: the supervision workflow as a table. */
public enum AssignmentAction {
    REPORT_PROGRESS(AssignmentStatus.NOT_STARTED, AssignmentStatus.IN_PROGRESS),
    REQUEST_COMPLETION(AssignmentStatus.IN_PROGRESS),
    APPROVE_COMPLETION(AssignmentStatus.COMPLETION_REQUESTED),
    RETURN_COMPLETION(AssignmentStatus.COMPLETION_REQUESTED),
    REQUEST_EXTENSION(AssignmentStatus.NOT_STARTED, AssignmentStatus.IN_PROGRESS),
    APPROVE_EXTENSION(AssignmentStatus.EXTENSION_REQUESTED),
    REJECT_EXTENSION(AssignmentStatus.EXTENSION_REQUESTED);

    private final Set<AssignmentStatus> allowedFrom;

    AssignmentAction(AssignmentStatus... allowedFrom) {
        this.allowedFrom = EnumSet.copyOf(Arrays.asList(allowedFrom));
    }

    public boolean allowedFrom(AssignmentStatus status) {
        return allowedFrom.contains(status);
    }

    public static List<AssignmentAction> allowedIn(AssignmentStatus status) {
        return Arrays.stream(values()).filter(a -> a.allowedFrom(status)).toList();
    }
}
