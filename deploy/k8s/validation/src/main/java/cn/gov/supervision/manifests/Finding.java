package cn.gov.supervision.manifests;

/** Something wrong with a manifest: which rule found it, in which object (Kind/name), and what. */
public record Finding(String rule, String resource, String message) {

    @Override
    public String toString() {
        return "[" + rule + "] " + resource + ": " + message;
    }
}
