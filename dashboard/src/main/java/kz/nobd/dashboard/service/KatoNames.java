package kz.nobd.dashboard.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import kz.nobd.dashboard.view.Level;
import kz.nobd.dashboard.view.Place;

/**
 * Names of oblasts and districts for the page's breadcrumbs, from the KATO classifier registry-service ships
 * (copied into this module at build time). Reference data only: what a user may see is decided by the APIs.
 */
@ApplicationScoped
public class KatoNames {
    private final Map<String, String[]> names = new HashMap<>();

    public KatoNames() {
        try (var in = KatoNames.class.getResourceAsStream("/kato/kato.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                if (f.length >= 6 && ("oblast".equals(f[2]) || "district".equals(f[2]))) {
                    names.putIfAbsent(f[0], new String[] {f[5], f[4]});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** the oblast or district of a 9-digit KATO code */
    public Optional<Place> place(Level level, String kato) {
        String[] n = kato == null ? null : names.get(kato);
        return n == null ? Optional.empty() : Optional.of(new Place(level, kato, n[0], n[1]));
    }

    /** the oblast a KATO code lies in: its first two digits and seven zeros */
    public static String oblastOf(String kato) {
        return kato.substring(0, 2) + "0000000";
    }
}
