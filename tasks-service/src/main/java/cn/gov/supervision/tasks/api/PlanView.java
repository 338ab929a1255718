package cn.gov.supervision.tasks.api;

import cn.gov.supervision.tasks.domain.Plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record PlanView(UUID id, String title, int year, String issuer, String documentIndex, LocalDate publishedOn,
                       OffsetDateTime createdAt, long version) {

    public static PlanView of(Plan plan) {
        return new PlanView(plan.id, plan.title, plan.year, plan.issuer, plan.documentIndex, plan.publishedOn,
                plan.createdAt, plan.version);
    }
}
