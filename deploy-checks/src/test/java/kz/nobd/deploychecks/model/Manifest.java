package kz.nobd.deploychecks.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One rendered overlay: every object as the YAML said it (raw maps) and as a typed object (fabric8's Kubernetes model,
 * Strimzi's API classes, the CloudNativePG and Keycloak records of {@link CustomResources}).
 */
public final class Manifest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final List<Item> items;

    private Manifest(List<Item> items) {
        this.items = items;
    }

    /** One object of the overlay: its identity, the map it was read from and its typed form. */
    public record Item(String apiVersion, String kind, String name, Map<String, Object> raw, Object typed) {
        public <T> T as(Class<T> type) {
            return type.cast(typed);
        }

        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }

    public static Manifest parse(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var reader = new YAMLMapper().readerFor(new TypeReference<Map<String, Object>>() { });
            var values = reader.<Map<String, Object>>readValues(parser);
            while (values.hasNextValue()) {
                Map<String, Object> doc = values.nextValue();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(docs);
    }

    static Manifest of(List<Map<String, Object>> docs) {
        return new Manifest(docs.stream().map(Manifest::item).toList());
    }

    private static Item item(Map<String, Object> raw) {
        String apiVersion = String.valueOf(raw.get("apiVersion"));
        String kind = String.valueOf(raw.get("kind"));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) raw.getOrDefault("metadata", Map.of());
        return new Item(apiVersion, kind, String.valueOf(metadata.get("name")), raw, TypedReader.read(apiVersion, kind, raw));
    }

    public List<Item> items() {
        return items;
    }

    public List<Item> ofKind(String kind) {
        return items.stream().filter(item -> item.kind().equals(kind)).toList();
    }

    public <T> List<T> typed(Class<T> type) {
        return items.stream().map(Item::typed).filter(type::isInstance).map(type::cast).toList();
    }

    public Optional<Item> find(String kind, String name) {
        return items.stream().filter(item -> item.kind().equals(kind) && item.name().equals(name)).findFirst();
    }

    /** A copy in which one object is changed by {@code edit} (on a deep copy of its map) and typed again. */
    public Manifest with(String kind, String name, Consumer<Map<String, Object>> edit) {
        find(kind, name).orElseThrow(() -> new IllegalArgumentException("no " + kind + "/" + name));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> copy = deepCopy(item.raw());
            if (item.kind().equals(kind) && item.name().equals(name)) {
                edit.accept(copy);
            }
            docs.add(copy);
        }
        return of(docs);
    }

    /** A copy with one more object, given as YAML. */
    public Manifest plus(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>(items.stream().map(item -> deepCopy(item.raw())).toList());
        parse(yaml).items.forEach(item -> docs.add(item.raw()));
        return of(docs);
    }

    /** A copy without one object. */
    public Manifest without(String kind, String name) {
        return of(items.stream().filter(item -> !(item.kind().equals(kind) && item.name().equals(name)))
                .map(item -> deepCopy(item.raw())).toList());
    }

    private static Map<String, Object> deepCopy(Map<String, Object> raw) {
        return JSON.convertValue(raw, new TypeReference<Map<String, Object>>() { });
    }
}
