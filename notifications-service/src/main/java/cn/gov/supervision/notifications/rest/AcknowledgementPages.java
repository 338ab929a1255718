package cn.gov.supervision.notifications.rest;

import cn.gov.supervision.kit.security.LinkSignatures.LinkCheck;
import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.service.AckLinks;
import cn.gov.supervision.notifications.service.FreshLinks.FreshLinkAnswer;
import cn.gov.supervision.notifications.service.NotificationFeed.LinkedDigest;
import cn.gov.supervision.notifications.service.ReadableDigests;
import cn.gov.supervision.notifications.service.ReminderWording;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/**
 * The page behind every digest mail, for a person on a phone: server-rendered (Qute), no script, Chinese, the digest's
 * items a page at a time with where each stands and what is expected next, and the 签收 button. A refused link gets a
 * page that says why and what to do instead (an expired one offers to mail a fresh link), never a problem document or
 * a stack trace.
 */
@ApplicationScoped
public class AcknowledgementPages {

    static final MediaType HTML = new MediaType("text", "html", "UTF-8");
    // the page is the only thing here a browser renders: no script, styles only inline, forms only to us
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Template acknowledgement;
    private final Template linkRefused;
    private final NotificationsConfig config;
    private final ReadableDigests readable;

    public AcknowledgementPages(@Location("acknowledgement.html") Template acknowledgement,
                                @Location("link-refused.html") Template linkRefused, NotificationsConfig config,
                                ReadableDigests readable) {
        this.acknowledgement = acknowledgement;
        this.linkRefused = linkRefused;
        this.config = config;
        this.readable = readable;
    }

    /** The digest's items on page {@code page} with a 签收 button (or, once acknowledged, when), or why not. */
    Response render(UUID id, LinkedDigest digest, AckLinks.PresentedLink link, int page) {
        if (digest.check() != LinkCheck.VALID) {
            return refused(id, digest.check(), link);
        }
        int perPage = config.digestPage().itemsPerPage();
        int total = digest.items().size();
        int pages = Math.max(1, (total + perPage - 1) / perPage);
        int shown = Math.min(page, pages);
        int first = (shown - 1) * perPage;
        List<ReadableDigests.ReadableItem> items = readable.items(digest.unitId(), digest.day(),
                digest.items().subList(first, Math.min(total, first + perPage)), first, null);
        String self = "/api/v1/notifications/" + id + "/ack?v=" + link.version() + "&exp=" + link.expires()
                + "&token=" + link.token();
        return page(Response.Status.OK, acknowledgement.data("digest", digest).data("link", link)
                .data("items", items).data("total", total)
                .data("day", ReminderWording.date(digest.day()))
                .data("page", shown).data("pages", pages)
                .data("previous", shown > 1 ? self + "&page=" + (shown - 1) : null)
                .data("next", shown < pages ? self + "&page=" + (shown + 1) : null)
                .data("acknowledgedAt", ReminderWording.dateTime(digest.acknowledgedAt(), config.timeZone()))
                .render());
    }

    /** The answer to "send me a fresh link". */
    Response freshLink(FreshLinkAnswer answer) {
        return switch (answer.check()) {
            case VALID -> page(Response.Status.CONFLICT, linkRefused.data("title", "链接仍然有效")
                    .data("reason", "此链接尚未过期，请直接使用原邮件中的链接查看并签收，无需重新发送。")
                    .data("fresh", null).render());
            case EXPIRED -> answer.sent()
                    ? page(Response.Status.ACCEPTED, linkRefused.data("title", "新链接已发送")
                    .data("reason", "新的链接已发送至本单位登记的联系人邮箱，请稍后查收邮件。")
                    .data("fresh", null).render())
                    : page(Response.Status.TOO_MANY_REQUESTS, linkRefused.data("title", "今日发送次数已达上限")
                    .data("reason", "今日已多次为本单位发送新链接，请查收此前的邮件，或明日再试。")
                    .data("fresh", null).render());
            default -> refused(null, answer.check(), null);
        };
    }

    private Response refused(UUID id, LinkCheck check, AckLinks.PresentedLink link) {
        String title;
        String reason;
        Response.Status status;
        switch (check) {
            case EXPIRED -> {
                status = Response.Status.GONE;
                title = "链接已过期";
                reason = "此链接已超过有效期，不能再用于查看和签收。可以点击下方按钮，"
                        + "系统会把新的链接发送到本单位登记的联系人邮箱。";
            }
            case REVOKED -> {
                status = Response.Status.GONE;
                title = "链接已停用";
                reason = "管理员已停用本单位此前发出的全部链接，此链接不能再用于签收。";
            }
            default -> {
                status = Response.Status.FORBIDDEN;
                title = "链接无效";
                reason = "此签收链接不完整或已被改动，无法识别。";
            }
        }
        String fresh = check == LinkCheck.EXPIRED && id != null ? "/api/v1/notifications/" + id + "/ack/fresh-link" : null;
        return page(status, linkRefused.data("title", title).data("reason", reason).data("fresh", fresh)
                .data("link", link).render());
    }

    private static Response page(Response.Status status, String html) {
        // the link's token is in the address: keep the page out of caches and other sites' referrers
        return Response.status(status).type(HTML).entity(html)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .build();
    }
}
