package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.Delivery;
import cn.gov.supervision.notifications.domain.Digest;
import cn.gov.supervision.notifications.domain.WeeklyReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The weekly report as one e-mail to the supervising office: HTML made of tables with inline styles and bgcolor/width
 * on cells (what mail clients keep: no script, no external image, no stylesheet they drop), the completion rate drawn
 * as a bar of cells, and a plain-text part. Its Message-ID is derived from the delivery, like a digest's.
 */
@ApplicationScoped
public class WeeklyReportSender {

    private final Mailer mailer;
    private final DigestMessages messages;
    private final ObjectMapper objectMapper;
    private final NotificationsConfig config;
    private final Template html;
    private final Template text;

    public WeeklyReportSender(Mailer mailer, DigestMessages messages, ObjectMapper objectMapper,
                              NotificationsConfig config, @Location("weekly-report.html") Template html,
                              @Location("weekly-report.txt") Template text) {
        this.mailer = mailer;
        this.messages = messages;
        this.objectMapper = objectMapper;
        this.config = config;
        this.html = html;
        this.text = text;
    }

    public void send(Digest digest, Delivery delivery) {
        WeeklyReport report = report(digest);
        List<String> recipients = messages.recipients(digest);
        String subject = "【督办周报】截至" + ReminderWording.date(report.asOf()) + "各单位督办事项完成情况";
        Mail mail = Mail.withHtml(recipients.get(0), subject, fill(html, report).render())
                .setText(fill(text, report).render())
                .setFrom(config.mailFrom())
                .addHeader("Message-ID", "<" + delivery.id + "@supervision.huzhou>")
                .addHeader("X-Digest-Id", digest.id.toString());
        recipients.stream().skip(1).forEach(mail::addTo);
        mailer.send(mail);
    }

    private TemplateInstance fill(Template template, WeeklyReport report) {
        List<OverdueLine> overdue = report.mostOverdue().stream().map(i -> new OverdueLine(i.code(), i.title(),
                i.unitName(), ReminderWording.date(i.dueDate()), ReminderWording.overdue(i.overdueWorkingDays()))).toList();
        return template.data("asOf", ReminderWording.date(report.asOf()))
                .data("weekOf", ReminderWording.date(report.weekOf()))
                .data("units", report.units())
                .data("overdue", overdue);
    }

    private WeeklyReport report(Digest digest) {
        try {
            return objectMapper.readValue(digest.report, WeeklyReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable weekly report " + digest.id, e);
        }
    }

    /** An overdue assignment worded for people. */
    public record OverdueLine(String code, String title, String unitName, String due, String late) {
    }
}
