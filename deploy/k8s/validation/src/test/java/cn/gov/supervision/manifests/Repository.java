package cn.gov.supervision.manifests;

import cn.gov.supervision.testkit.RepositoryLayout;

import java.nio.file.Path;

/** The repository under test, its overlays rendered once per test JVM. */
final class Repository {

    static final Path ROOT = RepositoryLayout.root();
    static final ManifestValidator VALIDATOR = new ManifestValidator(ROOT);
    private static RenderedManifests production;
    private static RenderedManifests podman;

    private Repository() {
    }

    static synchronized RenderedManifests production() {
        if (production == null) {
            production = RenderedManifests.render(ROOT.resolve("deploy/k8s/overlays/production"));
        }
        return production;
    }

    static synchronized RenderedManifests podman() {
        if (podman == null) {
            podman = RenderedManifests.render(ROOT.resolve("deploy/k8s/overlays/podman"));
        }
        return podman;
    }
}
