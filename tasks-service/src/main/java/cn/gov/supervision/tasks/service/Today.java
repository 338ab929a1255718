package cn.gov.supervision.tasks.service;

import cn.gov.supervision.tasks.config.TasksConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/** The current date where the plans apply, which is what deadlines are compared with. */
@ApplicationScoped
public class Today {

    private final TasksConfig config;

    public Today(TasksConfig config) {
        this.config = config;
    }

    public LocalDate date() {
        return LocalDate.now(config.timeZone());
    }
}
