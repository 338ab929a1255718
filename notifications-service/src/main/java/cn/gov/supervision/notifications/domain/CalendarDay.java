package cn.gov.supervision.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One day the official calendar says differs from its weekday: a holiday, or a make-up working day. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    @Id
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public DayKind kind;

    @Column(length = 100)
    public String name;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public SpecialDay toSpecialDay() {
        return new SpecialDay(day, kind, name);
    }
}
