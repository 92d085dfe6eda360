import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import kz.nobd.contracts.Checksum12;

/**
 * Writes N synthetic institutions as an import CSV, spread over oblasts and urban/rural like the 2022/23 column
 * of deploy/seed/schools_by_region.csv, on real KATO units of the matching type code (1 urban, 2 rural).
 * Usage: java -cp contracts/target/classes deploy/bench/GenerateInstitutions.java N SEED KATO_CSV SCHOOLS_CSV OUT_CSV
 */
public class GenerateInstitutions {
    static final Map<String, String> REGION_TO_OBLAST = Map.ofEntries(
            Map.entry("Абай", "10"), Map.entry("Акмолинская", "11"), Map.entry("Актюбинская", "15"),
            Map.entry("Алматинская", "19"), Map.entry("Атырауская", "23"), Map.entry("Западно-Казахстанская", "27"),
            Map.entry("Жамбылская", "31"), Map.entry("Жетису", "33"), Map.entry("Карагандинская", "35"),
            Map.entry("Костанайская", "39"), Map.entry("Кызылординская", "43"), Map.entry("Мангистауская", "47"),
            Map.entry("Павлодарская", "55"), Map.entry("Северо-Казахстанская", "59"), Map.entry("Туркестанская", "61"),
            Map.entry("Улытау", "62"), Map.entry("Восточно-Казахстанская", "63"), Map.entry("город Астана", "71"),
            Map.entry("город Алматы", "75"), Map.entry("город Шымкент", "79"));

    record Unit(String kato, String nameRu) {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        Map<String, List<Unit>> units = units(Path.of(args[2]));
        Map<String, int[]> schools = schools(Path.of(args[3]));
        int national = schools.values().stream().mapToInt(c -> c[0] + c[1]).sum();
        int serial = 0;
        int cumulative = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8))) {
            out.println("bin,nameKk,nameRu,type,ownership,kato,locality,languages,capacity,openedOn");
            for (var region : schools.entrySet()) {
                String oblast = region.getKey();
                for (int urban = 0; urban < 2; urban++) {
                    int before = Math.round((float) n * cumulative / national);
                    cumulative += region.getValue()[urban];
                    int count = Math.round((float) n * cumulative / national) - before;
                    List<Unit> candidates = units.getOrDefault(oblast + (urban == 0 ? "1" : "2"), List.of());
                    if (candidates.isEmpty()) {
                        candidates = units.get(oblast + "1");
                    }
                    for (int i = 0; i < count; i++) {
                        out.println(row(random, ++serial, candidates.get(random.nextInt(candidates.size())),
                                urban == 0, oblast));
                    }
                }
            }
        }
    }

    static String row(Random random, int serial, Unit unit, boolean urban, String oblast) {
        String type = !urban && random.nextInt(100) < 40 ? "SMALL_SCHOOL" : random.nextInt(100) < 3 ? "BOARDING" : "SCHOOL";
        String ownership = random.nextInt(100) < (urban ? 9 : 2) ? "PRIVATE" : "STATE";
        int language = random.nextInt(100);
        String languages = oblast.equals("61") && language < 8 ? "UZ;KK"
                : language < 58 ? "KK" : language < 70 ? "RU" : "KK;RU";
        int capacity = urban ? 600 + random.nextInt(2000) : type.equals("SMALL_SCHOOL") ? 20 + random.nextInt(100)
                : 100 + random.nextInt(500);
        String openedOn = (1950 + random.nextInt(71)) + "-09-01";
        String name = unit.nameRu().replace("\"", "").replace(",", " ");
        return String.join(",", bin(serial), "\"" + serial + " мектеп " + name + "\"",
                "\"Школа №" + serial + " " + name + "\"", type, ownership, unit.kato(), urban ? "URBAN" : "RURAL",
                languages, Integer.toString(capacity), openedOn);
    }

    /** Registration month 1997-01 onwards, resident legal entity head office, serial, check digit. */
    static String bin(int serial) {
        for (int s = serial; ; s += 100_000) {
            int month = (s / 100_000) % 12 + 1;
            int year = 97 + (s / 1_200_000);
            String first11 = String.format("%02d%02d40%05d", year % 100, month, s % 100_000);
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0) {
                return first11 + digit;
            }
        }
    }

    /** KATO units below oblast level, keyed by oblast prefix + type code ("111" = Akmola urban). */
    static Map<String, List<Unit>> units(Path katoCsv) throws IOException {
        Map<String, List<Unit>> units = new HashMap<>();
        for (String line : Files.readAllLines(katoCsv, StandardCharsets.UTF_8).subList(1, 15_595)) {
            String[] c = line.split(",", -1);
            if (c.length < 6 || c[2].equals("oblast") || c[0].startsWith("\"")) {
                continue;
            }
            units.computeIfAbsent(c[0].substring(0, 2) + c[3], k -> new ArrayList<>()).add(new Unit(c[0], c[4]));
        }
        return units;
    }

    /** Oblast prefix -> {urban, rural} schools in 2022/23. */
    static Map<String, int[]> schools(Path schoolsCsv) throws IOException {
        Map<String, int[]> schools = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(schoolsCsv, StandardCharsets.UTF_8)) {
            String[] c = line.split(",");
            String oblast = REGION_TO_OBLAST.get(c[0]);
            if (oblast != null && c[2].equals("2022/23") && !c[1].equals("total")) {
                schools.computeIfAbsent(oblast, k -> new int[2])[c[1].equals("urban") ? 0 : 1] = Integer.parseInt(c[3]);
            }
        }
        return schools;
    }
}
