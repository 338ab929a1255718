package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.Delivery;
import cn.gov.supervision.notifications.domain.Digest;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * A digest as one e-mail in Chinese, HTML with a plain-text alternative, sorted by effective deadline and marked
 * red/yellow/green, linking to the digest's page (where the unit sees each item's state and acknowledges). Its Message-ID is derived from the delivery, so a resend after a crash is recognisable as the same
 * message by mail systems.
 */
@ApplicationScoped
public class EmailDigestSender {

    private final Mailer mailer;
    private final DigestMessages messages;
    private final AckLinks ackLinks;
    private final NotificationsConfig config;
    private final ReadableDigests readable;
    private final Template html;
    private final Template text;

    public EmailDigestSender(Mailer mailer, DigestMessages messages, AckLinks ackLinks, NotificationsConfig config,
                             ReadableDigests readable, @Location("digest.html") Template html,
                             @Location("digest.txt") Template text) {
        this.readable = readable;
        this.mailer = mailer;
        this.messages = messages;
        this.ackLinks = ackLinks;
        this.config = config;
        this.html = html;
        this.text = text;
    }

    public void send(Digest digest, Delivery delivery) {
        List<String> recipients = messages.recipients(digest);
        String unitName = messages.unitName(digest);
        // one signed link to the digest's page; each task links to its place on it (or the site's own front end)
        String pageLink = ackLinks.link(digest.id);
        List<ReadableDigests.ReadableItem> items = readable.items(digest.unitId, digest.day, messages.items(digest), 0,
                pageLink);
        String day = ReminderWording.date(digest.day);
        String subject = "【督办提醒】" + unitName + " " + day + " 共" + items.size() + "项事项";
        long linkValidDays = config.ackLinkLifetime().toDays();
        Mail mail = Mail.withHtml(recipients.get(0), subject,
                        html.data("unitName", unitName).data("day", day).data("items", items)
                                .data("pageLink", pageLink).data("linkValidDays", linkValidDays).render())
                .setText(text.data("unitName", unitName).data("day", day).data("items", items)
                        .data("pageLink", pageLink).data("linkValidDays", linkValidDays).render())
                .setFrom(config.mailFrom())
                .addHeader("Message-ID", "<" + delivery.id + "@supervision.huzhou>")
                .addHeader("X-Digest-Id", digest.id.toString());
        recipients.stream().skip(1).forEach(mail::addTo);
        mailer.send(mail);
    }
}
