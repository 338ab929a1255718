package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.api.WeeklyRunResult;
import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.Delivery;
import cn.gov.supervision.notifications.domain.Digest;
import cn.gov.supervision.notifications.domain.ReportWeek;
import cn.gov.supervision.notifications.domain.UnitInfo;
import cn.gov.supervision.notifications.domain.WeeklyReport;
import cn.gov.supervision.notifications.repository.DeliveryRepository;
import cn.gov.supervision.notifications.repository.UnitInfoRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The weekly report's job: count the report as of a date and store it as the supervising office's WEEKLY digest of
 * that week, with a mail delivery to the office's contacts, in one transaction. The digest's unique key (unit, the
 * week's Monday, kind) is claimed before anything is sent, so a second run in the same week, or two instances at once,
 * store and send the report once; the delivery worker sends it like any digest (claims, retries, Message-ID).
 */
@ApplicationScoped
public class WeeklyReportRun {

    private static final Logger LOG = Logger.getLogger(WeeklyReportRun.class);

    private final WeeklyReportCollector collector;
    private final UnitInfoRepository units;
    private final DeliveryRepository deliveries;
    private final CalendarService calendars;
    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final DeliveryWorker worker;
    private final NotificationsConfig config;

    public WeeklyReportRun(WeeklyReportCollector collector, UnitInfoRepository units, DeliveryRepository deliveries,
                           CalendarService calendars, EntityManager entityManager, ObjectMapper objectMapper,
                           DeliveryWorker worker, NotificationsConfig config) {
        this.collector = collector;
        this.units = units;
        this.deliveries = deliveries;
        this.calendars = calendars;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.worker = worker;
        this.config = config;
    }

    /** The week of {@code date} and the day its report goes out on the official calendar. */
    public ReportWeek weekOf(LocalDate date) {
        return ReportWeek.of(date, config.weeklyReport().day(), calendars.calendar());
    }

    /** The scheduler's path: the report goes out on its report day only. */
    public void runIfReportDay(LocalDate today) {
        if (weekOf(today).isReportDay(today)) {
            run(today);
        }
    }

    /** The report as of {@code date}, once per week whatever date of the week is given. */
    public WeeklyRunResult run(LocalDate date) {
        ReportWeek week = weekOf(date);
        WeeklyReport report = collector.collect(date);
        WeeklyRunResult result = QuarkusTransaction.requiringNew().call(() -> store(date, week, report));
        LOG.infof("Weekly report of the week of %s (as of %s): %s, %d deliveries", week.monday(), date,
                result.created() ? "stored" : "already stored", result.deliveriesCreated());
        worker.wakeUp();
        return result;
    }

    private WeeklyRunResult store(LocalDate date, ReportWeek week, WeeklyReport report) throws JsonProcessingException {
        UUID office = config.supervisingUnitId();
        List<String> recipients = recipients(units.findById(office));
        UUID id = UUID.randomUUID();
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO digest (id, unit_id, day, kind, items, item_count, recipients, report, created_at)
                        VALUES (:id, :unit, :day, :kind, '[]', :count, :recipients, :report, now())
                        ON CONFLICT ON CONSTRAINT digest_once DO NOTHING""")
                .setParameter("id", id)
                .setParameter("unit", office)
                .setParameter("day", week.monday())
                .setParameter("kind", Digest.WEEKLY)
                .setParameter("count", report.units().size())
                .setParameter("recipients", objectMapper.writeValueAsString(recipients))
                .setParameter("report", objectMapper.writeValueAsString(report))
                .executeUpdate();
        if (inserted == 0) {
            return new WeeklyRunResult(date, week.monday(), week.reportDay(), false, 0);
        }
        if (recipients.isEmpty()) {
            LOG.warnf("The supervising office %s has no contact with an e-mail address: the weekly report of %s is "
                    + "stored but not mailed", office, week.monday());
            return new WeeklyRunResult(date, week.monday(), week.reportDay(), true, 0);
        }
        deliveries.enqueue(id, Delivery.EMAIL, "email", null); // the recipients are the digest's
        return new WeeklyRunResult(date, week.monday(), week.reportDay(), true, 1);
    }

    /** Every contact of the office with an e-mail address: the report is for all who supervise. */
    private List<String> recipients(UnitInfo office) {
        if (office == null) {
            return List.of();
        }
        Set<String> emails = new LinkedHashSet<>();
        try {
            for (JsonNode contact : objectMapper.readTree(office.contacts)) {
                String email = contact.path("email").asText("");
                if (!email.isBlank()) {
                    emails.add(email);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable contacts of unit " + office.id, e);
        }
        return List.copyOf(emails);
    }
}
