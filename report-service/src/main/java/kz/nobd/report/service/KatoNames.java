package kz.nobd.report.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Territory names in Kazakh and Russian from the KATO reference file registry-service ships (copied into this
 * service's classpath at build time; attribution in kato/ATTRIBUTION.md).
 */
@ApplicationScoped
public class KatoNames {
    public static final Name COUNTRY = new Name("Қазақстан Республикасы", "Республика Казахстан", "country");

    public record Name(String kk, String ru, String level) {
    }

    private final Map<String, Name> names = load();

    /** The names of {@code kato}, or null if the code is not in the reference. */
    public Name of(String kato) {
        return names.get(kato);
    }

    public boolean exists(String kato) {
        return names.containsKey(kato);
    }

    private static Map<String, Name> load() {
        Map<String, Name> names = new HashMap<>();
        try (InputStream in = KatoNames.class.getResourceAsStream("/kato/kato.csv")) {
            if (in == null) {
                throw new IllegalStateException("kato/kato.csv is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // kato,kato_version,level,type_code,name_ru,name_kk
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                java.util.List<String> f = fields(line);
                if (f.size() >= 6) {
                    names.put(f.get(0), new Name(f.get(5), f.get(4), f.get(2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The fields of one CSV line; a quoted field may hold commas (a few settlement names do). */
    static java.util.List<String> fields(String line) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
