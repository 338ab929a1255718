package cn.gov.supervision.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a service reads, so that an environment variable of a manifest can be checked against them:
 * every key of its application.properties (any profile), the keys of its {@code @ConfigMapping} interfaces and
 * {@code @ConfigProperty} injections, in its own sources and in the project libraries its pom names (service-kit,
 * event-kit). A Quarkus key counts once application.properties sets it in some profile, which is where this project
 * documents the ones it relies on. An environment variable names a key the way Quarkus maps them: every character
 * other than a letter or digit becomes {@code _}, and letters are upper case.
 */
public final class ConfigKeys {

    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    // a method of a mapping: optional @WithName("x"), other annotations, a return type, name(); no parameters
    private static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\([^)]*\\))?\\s+)*)([\\w.]+(?:<[^;(){}]*>)?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern LIBRARY = Pattern.compile(
            "<groupId>cn\\.gov\\.supervision</groupId>\\s*<artifactId>([\\w-]+)</artifactId>");

    private final Set<String> keys;

    private ConfigKeys(Set<String> keys) {
        this.keys = keys;
    }

    static ConfigKeys of(Path root, Path module, Properties properties) {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : properties.stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        for (Path sources : sourceRoots(root, module)) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    keys.addAll(keysOf(Files.readString(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ConfigKeys(keys);
    }

    /** The module's sources, and those of the project libraries its pom depends on. */
    private static List<Path> sourceRoots(Path root, Path module) {
        List<Path> roots = new ArrayList<>(List.of(module.resolve("src/main/java")));
        try {
            Matcher library = LIBRARY.matcher(Files.readString(module.resolve("pom.xml")));
            while (library.find()) {
                Path sources = root.resolve("deploy/libs").resolve(library.group(1)).resolve("src/main/java");
                if (Files.isDirectory(sources)) {
                    roots.add(sources);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return roots;
    }

    /** The keys one Java source file reads; a segment {@code *} stands for a map key. */
    static Set<String> keysOf(String javaSource) {
        String source = javaSource.replaceAll("(?s)/\\*.*?\\*/|//[^\n]*", "");
        Set<String> keys = new LinkedHashSet<>();
        Matcher property = CONFIG_PROPERTY.matcher(source);
        while (property.find()) {
            keys.add(property.group(1));
        }
        Matcher mapping = CONFIG_MAPPING.matcher(source);
        if (mapping.find()) {
            Map<String, List<String[]>> interfaces = interfaces(source);
            Matcher root = INTERFACE.matcher(source);
            if (root.find(mapping.end())) {
                collect(mapping.group(1), root.group(1), interfaces, keys, 0);
            }
        }
        return keys;
    }

    /** Each interface of the file with its own methods (not its nested interfaces'): {name, return type}. */
    private static Map<String, List<String[]>> interfaces(String source) {
        Map<String, List<String[]>> interfaces = new HashMap<>();
        Matcher declaration = INTERFACE.matcher(source);
        while (declaration.find()) {
            int depth = 1;
            StringBuilder ownBody = new StringBuilder();
            for (int i = declaration.end(); i < source.length() && depth > 0; i++) {
                char c = source.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 1 && c != '}') {
                    ownBody.append(c);
                }
            }
            List<String[]> methods = new ArrayList<>();
            Matcher method = METHOD.matcher(ownBody);
            while (method.find()) {
                Matcher withName = WITH_NAME.matcher(method.group(1));
                String key = withName.find() ? withName.group(1) : kebab(method.group(3));
                methods.add(new String[] {key, method.group(2)});
            }
            interfaces.put(declaration.group(1), methods);
        }
        return interfaces;
    }

    private static void collect(String prefix, String type, Map<String, List<String[]>> interfaces, Set<String> keys,
                                int depth) {
        for (String[] method : interfaces.getOrDefault(type, List.of())) {
            String key = prefix + "." + method[0];
            String returnType = method[1];
            boolean isMap = returnType.startsWith("Map<");
            String element = returnType.replaceAll("^(Optional|List|Set|Map)<(String,\\s*)?", "").replaceAll(">$", "");
            if (interfaces.containsKey(element) && depth < 5) {
                collect(isMap ? key + ".*" : returnType.startsWith("List<") ? key + "[*]" : key, element,
                        interfaces, keys, depth + 1);
            } else {
                keys.add(key);
            }
        }
    }

    private static String kebab(String methodName) {
        return methodName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Does the environment variable {@code name} set one of these keys? */
    public boolean readsEnvironmentVariable(String name) {
        for (String key : keys) {
            List<String> literalParts = new ArrayList<>();
            for (String part : environmentName(key).split("\\*", -1)) {
                literalParts.add(Pattern.quote(part));
            }
            if (name.matches(String.join("[A-Z0-9_]+", literalParts))) {
                return true;
            }
        }
        return false;
    }

    static String environmentName(String key) {
        return key.replace("*", "\u0000").replaceAll("[^A-Za-z0-9\u0000]", "_").toUpperCase(Locale.ROOT)
                .replace("\u0000", "*");
    }

    public Set<String> keys() {
        return keys;
    }
}
