package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The objects a kustomization renders to, as Kubernetes would receive them. Rendering is kustomize's own: the
 * standalone {@code kustomize build} where installed, else {@code kubectl kustomize} (kustomize is built into
 * kubectl); both work offline. A re-implementation of kustomize in Java could disagree with the real one.
 */
public final class RenderedManifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Manifest> manifests;

    private RenderedManifests(List<Manifest> manifests) {
        this.manifests = List.copyOf(manifests);
    }

    /** Renders the kustomization in {@code directory}. */
    public static RenderedManifests render(Path directory) {
        List<String> command = onPath("kustomize")
                ? List.of("kustomize", "build", directory.toString())
                : List.of("kubectl", "kustomize", directory.toString());
        if (!onPath(command.get(0))) {
            throw new IllegalStateException("Neither kustomize nor kubectl is on the PATH: one of them renders "
                    + directory + " (see deploy/README.md)");
        }
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(errors));
                }
                return parse(yaml);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The objects of a multi-document YAML text. */
    public static RenderedManifests parse(String yaml) {
        List<Manifest> parsed = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object) {
                    parsed.add(new Manifest(object));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedManifests(parsed);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    public List<Manifest> all() {
        return manifests;
    }

    public List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(manifest -> manifest.kind().equals(kind)).toList();
    }

    public Optional<Manifest> find(String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
    }

    /** A deep copy, for a test to break without touching the original. */
    public RenderedManifests copy() {
        return new RenderedManifests(manifests.stream().map(m -> new Manifest(m.body().deepCopy())).toList());
    }

    /** The same objects without those {@code excluded} selects, for a test that removes one. */
    public RenderedManifests without(Manifest excluded) {
        return new RenderedManifests(manifests.stream().filter(m -> m != excluded).toList());
    }
}
