package kz.nobd.deploychecks.rules;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.nobd.deploychecks.model.Manifest;
import kz.nobd.deploychecks.model.Unreadable;

/**
 * Every object is of a kind the checks know and reads into its typed class without an unknown field: fabric8's
 * Kubernetes model, Strimzi's API classes (both keep an unknown field in {@code additionalProperties}, which must stay
 * empty everywhere in the object) and the strict records of CloudNativePG and Keycloak ({@code CustomResources}).
 */
public final class SchemaRule implements Rule {
    @Override
    public List<String> check(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        for (Manifest.Item item : manifest.items()) {
            Object typed = item.typed();
            if (typed instanceof Unreadable unreadable) {
                problems.add(item + ": not a valid " + unreadable.type() + ": " + firstLine(unreadable.problem()));
            } else if (typed instanceof GenericKubernetesResource) {
                problems.add(item + ": unknown kind " + item.apiVersion() + " " + item.kind());
            } else {
                unknownFields(typed, item.toString(), problems, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        }
        return problems;
    }

    private static void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                unknownFields(element, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> unknownFields(element, path + "." + key, problems, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.") && !pkg.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet() + " in " + value.getClass().getSimpleName());
                }
            } else {
                unknownFields(field, path + "." + property(getter.getName()), problems, seen);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
