package cn.gov.supervision.kit.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Races that the services' own checks cannot rule out end in the database: two writers of the same version
 * (412, as if the If-Match had been stale) or of the same unique value (409). Neither is a server error.
 */
public class PersistenceProblemMappers {

    private static final Logger LOG = Logger.getLogger(PersistenceProblemMappers.class);

    private final ProblemResponses responses;

    public PersistenceProblemMappers(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uriInfo) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return responses.build(412, "stale-version", "Precondition Failed",
                        "The resource was modified concurrently; fetch it again and retry", List.of(), uriInfo);
            }
            if (cause instanceof ConstraintViolationException violation) {
                return responses.build(409, "conflict", "Conflict",
                        "The change conflicts with existing data (" + violation.getConstraintName() + ")",
                        List.of(), uriInfo);
            }
        }
        LOG.error("Unexpected persistence failure", e);
        return responses.unexpected(uriInfo);
    }
}
