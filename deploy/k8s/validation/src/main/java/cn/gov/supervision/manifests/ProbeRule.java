package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every container of a service has a startup, a readiness and a liveness probe, each an HTTP GET of a health endpoint
 * that the service really serves (SmallRye Health under its non-application root) on the port it really listens on
 * (QUARKUS_HTTP_PORT if the container sets it, else quarkus.http.port of its application.properties).
 */
final class ProbeRule implements Rule {

    static final String RULE = "probes";
    private static final List<String> PROBES = List.of("startupProbe", "readinessProbe", "livenessProbe");

    private final Path root;

    ProbeRule(Path root) {
        this.root = root;
    }

    @Override
    public List<Finding> check(RenderedManifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : Workload.of(manifests, root)) {
            if (workload.service().isEmpty()) {
                findings.add(new Finding(RULE, workload.id(), "its image " + workload.container().path("image").asText()
                        + " names no service module of this repository"));
                continue;
            }
            ServiceModule service = workload.service().get();
            int servicePort = workload.literalEnvironment("QUARKUS_HTTP_PORT").map(Integer::parseInt)
                    .orElse(service.httpPort());
            for (String probe : PROBES) {
                JsonNode httpGet = workload.container().path(probe).path("httpGet");
                if (httpGet.isMissingNode()) {
                    findings.add(new Finding(RULE, workload.id(), probe + " is missing or not an HTTP GET"));
                    continue;
                }
                String path = httpGet.path("path").asText();
                if (!service.healthPaths().contains(path)) {
                    findings.add(new Finding(RULE, workload.id(), probe + " asks " + path + ", which " + service.name()
                            + " does not serve (its health endpoints: " + service.healthPaths() + ")"));
                }
                Optional<Integer> port = workload.containerPort(httpGet.path("port"));
                if (port.isEmpty()) {
                    findings.add(new Finding(RULE, workload.id(), probe + " names port " + httpGet.path("port")
                            + ", which the container does not declare"));
                } else if (port.get() != servicePort) {
                    findings.add(new Finding(RULE, workload.id(), probe + " asks port " + port.get() + ", but "
                            + service.name() + " listens on " + servicePort));
                }
            }
        }
        return findings;
    }
}
