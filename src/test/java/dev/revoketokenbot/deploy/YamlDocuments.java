package dev.revoketokenbot.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML read as plain maps and lists (SnakeYAML's safe constructor: no custom types), with the few
 * casts the deployment tests need to walk Kubernetes objects and Slack manifests.
 */
final class YamlDocuments {

    private YamlDocuments() {}

    /** Every non-empty document of a multi-document YAML text, in order. */
    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    /** The single document of a YAML file. */
    static Map<String, Object> load(Path file) throws IOException {
        return map(yaml().load(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** An object back to YAML text, to search it for strings that must not be there. */
    static String dump(Object object) {
        return yaml().dump(object);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map)) {
            throw new AssertionError("expected a mapping but found: " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (!(node instanceof List)) {
            throw new AssertionError("expected a sequence but found: " + node);
        }
        return (List<Object>) node;
    }

    /** The mapping found by following keys from {@code root}; fails naming the missing key. */
    static Map<String, Object> path(Map<String, Object> root, String... keys) {
        Map<String, Object> node = root;
        for (String key : keys) {
            if (!node.containsKey(key)) {
                throw new AssertionError("no '" + key + "' in " + node.keySet());
            }
            node = map(node.get(key));
        }
        return node;
    }

    /** The mappings of a sequence. */
    static List<Map<String, Object>> maps(Object node) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : list(node)) {
            maps.add(map(item));
        }
        return maps;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
