package cn.gov.supervision.tasks.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/**
 * units-service, for the importer's writes: it is the authority on unit names, so documents are resolved there, and
 * units a document names but the registry lacks are created there. Reads never come here (see UnitReadModelUpdater).
 * It acts as the importing caller: the request's Authorization header goes along (application.properties,
 * org.eclipse.microprofile.rest.client.propagateHeaders), so units-service decides by the same token whether that
 * caller may resolve (units:read) and create (units:write) units.
 */
@RegisterRestClient(configKey = "units-service")
@RegisterClientHeaders
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UnitsClient {

    @POST
    @Path("/resolve")
    ResolveResponse resolve(ResolveRequest request);

    @POST
    RemoteUnit create(NewUnit unit);

    /** Idempotent at units-service: a name the unit already answers to changes nothing. */
    @POST
    @Path("/{id}/aliases")
    RemoteUnit addAlias(@PathParam("id") UUID id, NewAlias alias);

    record ResolveRequest(List<String> names) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResolveResponse(List<Resolution> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Resolution(String input, String status, RemoteUnit unit, List<RemoteUnit> candidates) {

        public boolean resolved() {
            return "RESOLVED".equals(status) && unit != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RemoteUnit(UUID id, String code, String name, String kind, String membership, boolean active, long version) {
    }

    record NewUnit(String code, String name, String kind) {
    }

    record NewAlias(String alias) {
    }
}
