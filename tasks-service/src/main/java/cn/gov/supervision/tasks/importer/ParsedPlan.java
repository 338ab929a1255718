package cn.gov.supervision.tasks.importer;

import java.util.List;

/** The result of parsing one plan: tasks in document order, and what the parser noticed on the way. */
public record ParsedPlan(PlanHeader header, List<ParsedTask> tasks, List<Diagnostic> diagnostics) {

    public ParsedPlan {
        tasks = List.copyOf(tasks);
        diagnostics = List.copyOf(diagnostics);
    }
}
