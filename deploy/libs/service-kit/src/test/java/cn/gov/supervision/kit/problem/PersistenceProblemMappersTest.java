package cn.gov.supervision.kit.problem;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service answers when its database goes away under load. deploy/local/faults.sh's postgres case found
 * tasks-service answering 500 to the writes in flight while the primary restarted (Hibernate's "Unable to acquire
 * JDBC Connection" with SQLSTATE 08001, and 57P03 "the database system is starting up"): the exceptions Hibernate
 * wrapped them in are built here as it builds them.
 */
class PersistenceProblemMappersTest {

    private final PersistenceProblemMappers mappers = new PersistenceProblemMappers(new ProblemResponses());

    private Response answer(Throwable hibernateException) {
        return mappers.persistence(new PersistenceException(hibernateException.getMessage(), hibernateException), null);
    }

    @Test
    void a_refused_connection_is_a_503_to_retry() {
        Response response = answer(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5490 refused", "08001")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo(ProblemJson.CONTENT_TYPE);
        assertThat(response.getEntity().toString()).contains("database-unavailable");
    }

    @Test
    void a_database_starting_up_or_shutting_down_is_a_503() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006"}) {
            Response response = answer(new GenericJDBCException("Unable to acquire JDBC Connection",
                    new SQLException("FATAL: the database system is starting up", state)));

            assertThat(response.getStatus()).as(state).isEqualTo(503);
        }
        assertThat(answer(new JDBCConnectionException("broken", new SQLException("I/O error"))).getStatus())
                .isEqualTo(503);
    }

    @Test
    void other_failures_keep_their_answers() {
        assertThat(answer(new ConstraintViolationException("duplicate", new SQLException("dup", "23505"), "task_code"))
                .getStatus()).isEqualTo(409);
        assertThat(answer(new GenericJDBCException("syntax", new SQLException("syntax error", "42601"))).getStatus())
                .isEqualTo(500);
    }

    @Test
    void a_commit_that_lost_its_connection_is_a_503() {
        // as tasks-service's create failed in the same fault: the PSQLException hangs off the commit's XAException,
        // which the RollbackException suppressed, all of it wrapped by the CDI interceptor
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new XAException("Error trying to transactionCommit local transaction")
                .initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        Response response = new ProblemExceptionMappers(new ProblemResponses())
                .unexpected(new RuntimeException("Error invoking subclass method", rollback), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }
}
