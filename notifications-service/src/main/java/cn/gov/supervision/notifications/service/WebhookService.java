package cn.gov.supervision.notifications.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.notifications.api.WebhookRequest;
import cn.gov.supervision.notifications.api.WebhookView;
import cn.gov.supervision.notifications.domain.Webhook;
import cn.gov.supervision.notifications.repository.UnitInfoRepository;
import cn.gov.supervision.notifications.repository.WebhookRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookService {

    private final WebhookRepository webhooks;
    private final UnitInfoRepository units;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;

    public WebhookService(WebhookRepository webhooks, UnitInfoRepository units, WebhookSecrets secrets,
                          WebhookTargets targets) {
        this.webhooks = webhooks;
        this.units = units;
        this.secrets = secrets;
        this.targets = targets;
    }

    @Transactional
    public WebhookView register(WebhookRequest request) {
        if (request.unitId() != null && units.findById(request.unitId()) == null) {
            throw ProblemException.unprocessable("unknown-unit", "Unit " + request.unitId() + " is not known");
        }
        String sealedSecret = secrets.seal(request.secret());
        try {
            // checked again before every delivery: the name may point elsewhere by then
            targets.check(request.url());
        } catch (WebhookTargets.RefusedTarget e) {
            throw ProblemException.unprocessable("webhook-target-refused", e.getMessage());
        }
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.url = request.url();
        webhook.unitId = request.unitId();
        webhook.secret = sealedSecret;
        webhook.createdAt = OffsetDateTime.now();
        webhooks.persist(webhook);
        return view(webhook);
    }

    @Transactional
    public List<WebhookView> list() {
        return webhooks.list("active", Sort.by("createdAt"), true).stream().map(WebhookService::view).toList();
    }

    /** Deactivated rather than deleted: deliveries already made keep pointing at it. */
    @Transactional
    public void remove(UUID id) {
        Webhook webhook = webhooks.findById(id);
        if (webhook == null || !webhook.active) {
            throw ProblemException.notFound("Webhook", id);
        }
        webhook.active = false;
    }

    private static WebhookView view(Webhook webhook) {
        return new WebhookView(webhook.id, webhook.url, webhook.unitId, webhook.active, webhook.createdAt);
    }
}
