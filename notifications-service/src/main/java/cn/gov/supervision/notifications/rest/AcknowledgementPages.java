package cn.gov.supervision.notifications.rest;

import cn.gov.supervision.kit.security.LinkSignatures.LinkCheck;
import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.service.AckLinks;
import cn.gov.supervision.notifications.service.NotificationFeed.LinkedDigest;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.format.DateTimeFormatter;

/**
 * The pages the acknowledgement link opens, for a person on a phone: server-rendered (Qute), no script, Chinese. A
 * refused link gets a page that says why and what to do instead, never a problem document or a stack trace.
 */
@ApplicationScoped
public class AcknowledgementPages {

    static final MediaType HTML = new MediaType("text", "html", "UTF-8");
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    // the page is the only thing here a browser renders: no script, styles only inline, forms only to us
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Template acknowledgement;
    private final Template linkRefused;
    private final NotificationsConfig config;

    public AcknowledgementPages(@Location("acknowledgement.html") Template acknowledgement,
                                @Location("link-refused.html") Template linkRefused, NotificationsConfig config) {
        this.acknowledgement = acknowledgement;
        this.linkRefused = linkRefused;
        this.config = config;
    }

    /** The digest with a 签收 button (or, once acknowledged, when), or why the link was refused. */
    Response render(LinkedDigest page, AckLinks.PresentedLink link) {
        if (page.check() != LinkCheck.VALID) {
            return refused(page.check());
        }
        String acknowledgedAt = page.acknowledgedAt() == null ? null
                : page.acknowledgedAt().atZoneSameInstant(config.timeZone()).format(SHOWN_TIME);
        return page(Response.Status.OK, acknowledgement.data("page", page).data("link", link)
                .data("acknowledgedAt", acknowledgedAt).render());
    }

    private Response refused(LinkCheck check) {
        String title;
        String reason;
        Response.Status status;
        switch (check) {
            case EXPIRED -> {
                status = Response.Status.GONE;
                title = "链接已过期";
                reason = "此签收链接已超过有效期，不能再用于签收。";
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
        return page(status, linkRefused.data("title", title).data("reason", reason).render());
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
