package cn.gov.supervision.notifications.repository;

import cn.gov.supervision.notifications.domain.CalendarDay;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class CalendarDayRepository implements PanacheRepositoryBase<CalendarDay, LocalDate> {

    public List<CalendarDay> findYear(int year) {
        return list("day >= ?1 and day <= ?2", Sort.by("day"), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public long deleteYear(int year) {
        return delete("day >= ?1 and day <= ?2", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
