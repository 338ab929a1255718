package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.kit.web.EntityTags;
import cn.gov.supervision.kit.web.PageView;
import cn.gov.supervision.tasks.api.PlanRequest;
import cn.gov.supervision.tasks.api.PlanView;
import cn.gov.supervision.tasks.domain.Plan;
import cn.gov.supervision.tasks.repository.PlanRepository;
import cn.gov.supervision.tasks.repository.TaskRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.UUID;

@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final TaskRepository tasks;

    public PlanService(PlanRepository plans, TaskRepository tasks) {
        this.plans = plans;
        this.tasks = tasks;
    }

    @Transactional
    public PageView<PlanView> list(Integer year, int page, int size) {
        PanacheQuery<Plan> query = year == null
                ? plans.findAll(Sort.by("year").descending().and("title"))
                : plans.find("year", Sort.by("title"), year);
        query.page(Page.of(page, size));
        return new PageView<>(query.list().stream().map(PlanView::of).toList(), page, size, query.count());
    }

    @Transactional
    public PlanView get(UUID id) {
        return PlanView.of(require(id));
    }

    @Transactional
    public PlanView create(PlanRequest request) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.createdAt = OffsetDateTime.now();
        apply(plan, request);
        plans.persist(plan);
        plans.flush();
        return PlanView.of(plan);
    }

    @Transactional
    public PlanView update(UUID id, long expectedVersion, PlanRequest request) {
        Plan plan = require(id);
        EntityTags.checkVersion(expectedVersion, plan.version, "Plan " + id);
        apply(plan, request);
        plans.flush();
        return PlanView.of(plan);
    }

    /** A plan with tasks is a record of what was supervised; only an empty plan may go. */
    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        Plan plan = require(id);
        EntityTags.checkVersion(expectedVersion, plan.version, "Plan " + id);
        if (tasks.existsInPlan(id)) {
            throw ProblemException.conflict("plan-has-tasks", "Plan " + id + " still has tasks; delete them first");
        }
        plans.delete(plan);
    }

    Plan require(UUID id) {
        Plan plan = plans.findById(id);
        if (plan == null) {
            throw ProblemException.notFound("Plan", id);
        }
        return plan;
    }

    private static void apply(Plan plan, PlanRequest request) {
        plan.title = ChineseText.clean(request.title());
        plan.year = request.year();
        plan.issuer = ChineseText.clean(request.issuer());
        plan.documentIndex = request.documentIndex() == null ? null : request.documentIndex().strip();
        plan.publishedOn = request.publishedOn();
        plan.updatedAt = OffsetDateTime.now();
    }
}
