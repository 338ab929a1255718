package cn.gov.supervision.kit.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows parked records where operators look first, in the readiness answer, and stays UP: a parked record harms only
 * itself, and taking the service out of rotation would stop every good event and request too.
 */
@Readiness
@ApplicationScoped
public class DeadLetterHealthCheck implements HealthCheck {

    public static final String NAME = "event dead letters";
    private static final int LATEST = 3;

    private final DeadLetters deadLetters;
    private final EventConsumerConfig config;

    public DeadLetterHealthCheck(DeadLetters deadLetters, EventConsumerConfig config) {
        this.deadLetters = deadLetters;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("topic", config.deadLetterTopic());
        try {
            DeadLetters.Summary summary = deadLetters.summary(LATEST);
            response.withData("parked", summary.parkedPerConsumer().values().stream().mapToLong(Long::longValue).sum());
            summary.parkedPerConsumer().forEach((consumer, count) -> response.withData("parked " + consumer, count));
            int rank = 1;
            for (DeadLetterView letter : summary.latest()) {
                response.withData("latest " + rank++, letter.parkedAt() + " " + letter.consumer() + " "
                        + letter.sourceTopic() + "-" + letter.sourcePartition() + "@" + letter.sourceOffset()
                        + " (dead letter " + letter.id() + "): " + letter.reason());
            }
        } catch (RuntimeException e) {
            // the datasource's own check reports the database; this one only has nothing to show
            response.withData("unavailable", String.valueOf(e.getMessage()));
        }
        return response.build();
    }
}
