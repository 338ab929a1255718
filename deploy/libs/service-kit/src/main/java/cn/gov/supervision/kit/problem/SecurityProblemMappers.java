package cn.gov.supervision.kit.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * 401 and 403 as problems, like every other refusal. Authentication is lazy (quarkus.http.auth.proactive=false), so
 * a bad token reaches these mappers instead of ending the exchange with an empty 401 before JAX-RS.
 */
public class SecurityProblemMappers {

    private static final Logger LOG = Logger.getLogger(SecurityProblemMappers.class);

    private final ProblemResponses responses;

    public SecurityProblemMappers(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uriInfo) {
        LOG.debugf(e, "Refused a credential for %s", uriInfo.getPath());
        return challenge(responses.build(401, "invalid-credentials", "Unauthorized",
                "The bearer token is malformed, expired or not signed by a trusted issuer", List.of(), uriInfo),
                "Bearer error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uriInfo) {
        return challenge(responses.build(401, "unauthenticated", "Unauthorized",
                "This operation needs a bearer token (Authorization: Bearer …) or, through the gateway, an API key",
                List.of(), uriInfo), "Bearer");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uriInfo) {
        return responses.build(403, "forbidden", "Forbidden",
                "The caller's role or scopes do not allow this operation", List.of(), uriInfo);
    }

    private static Response challenge(Response problem, String challenge) {
        return Response.fromResponse(problem).header("WWW-Authenticate", challenge).build();
    }
}
