package kz.nobd.deploychecks.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.nobd.deploychecks.model.Manifest;

/**
 * Every image anywhere (containers, and the image fields of custom resources: Keycloak's image, CloudNativePG's
 * imageName) is pinned: a tag other than latest, or a sha256 digest.
 */
public final class ImageRule implements Rule {
    private static final Pattern PINNED =
            Pattern.compile("[a-z0-9./_-]+(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(@sha256:[0-9a-f]{64})?");

    @Override
    public List<String> check(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        for (Manifest.Item item : manifest.items()) {
            walk(item.raw(), item.toString(), problems);
        }
        return problems;
    }

    private static void walk(Object value, String where, List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                if (("image".equals(key) || "imageName".equals(key)) && element instanceof String image) {
                    check(image, where, problems);
                } else {
                    walk(element, where, problems);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(element -> walk(element, where, problems));
        }
    }

    public static void check(String image, String where, List<String> problems) {
        var m = PINNED.matcher(image);
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        boolean tagged = lastSegment.contains(":") || image.contains("@sha256:");
        if (!m.matches() || !tagged) {
            problems.add(where + ": image " + image + " is not pinned (a tag or a sha256 digest)");
        } else if (lastSegment.matches("[^@]*:latest(@.*)?")) {
            problems.add(where + ": image " + image + " uses the tag latest");
        }
    }
}
