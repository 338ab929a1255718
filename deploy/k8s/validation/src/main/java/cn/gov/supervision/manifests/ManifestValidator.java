package cn.gov.supervision.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks rendered manifests against the Kubernetes API model, the operators' CRD schemas and the project's own rules
 * (probes, references, selectors, topics, environment variables, pod security), the last ones against the services'
 * sources in the repository at {@code root}. No finding means the manifests are fit to apply.
 */
public final class ManifestValidator {

    private final List<Rule> rules;

    public ManifestValidator(Path root) {
        DocumentedSecrets documented = DocumentedSecrets.of(root);
        this.rules = List.of(new KubernetesApiModel(), new OperatorSchemas(), new ProbeRule(root),
                new ReferenceRule(documented), new SelectorRule(), new TopicRule(root),
                new EnvironmentRule(root, documented), new PodHardeningRule(root), new KafkaUserRule(root));
    }

    public List<Finding> validate(RenderedManifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.check(manifests));
        }
        return findings;
    }
}
