package cn.gov.supervision.kit.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Races that the services' own checks cannot rule out end in the database: two writers of the same version
 * (412, as if the If-Match had been stale) or of the same unique value (409). Neither is a server error. Nor is a
 * database that cannot be reached, or is shutting down or starting up (a restart, a failover): that is a 503 with
 * Retry-After, which clients and the gateway treat as "try again", while readiness reports the service DOWN.
 */
public class PersistenceProblemMappers {

    private static final Logger LOG = Logger.getLogger(PersistenceProblemMappers.class);

    private final ProblemResponses responses;

    public PersistenceProblemMappers(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uriInfo) {
        if (databaseUnavailable(e)) {
            LOG.warnf("The database is unavailable: %s", e.getMessage());
            return responses.databaseUnavailable(uriInfo);
        }
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

    /**
     * Whether the database could not be reached, or was shutting down or starting up, anywhere in FAILURE: in its causes
     * or in what they suppressed (a failed commit's XAException is a suppressed one of the RollbackException). Hibernate
     * reports several of these as a GenericJDBCException, so the SQLSTATE is read from the SQLException itself: class
     * 08 (connection refused, broken, closed) and PostgreSQL's 57P01-57P03 (admin or crash shutdown, "the database
     * system is starting up").
     */
    static boolean databaseUnavailable(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof JDBCConnectionException
                    || next instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            pending.addAll(Arrays.asList(next.getSuppressed()));
        }
        return false;
    }
}
