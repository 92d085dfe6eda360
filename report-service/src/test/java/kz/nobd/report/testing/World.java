package kz.nobd.report.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;

/**
 * A generated data set as the test knows it (cards, the final state of each spell, every equipment report), and
 * the independent recount: plain loops over the raw facts, no code shared with the service.
 */
public final class World {
    public final Map<String, List<InstitutionCard>> cards = new LinkedHashMap<>();
    public final Map<UUID, FactProducer.Spell> spells = new LinkedHashMap<>();
    public final List<FactProducer.Equipment> reports = new ArrayList<>();

    /** The card version in force on {@code d}: the newest whose validFrom is on or before it. */
    public InstitutionCard placement(String bin, LocalDate d) {
        InstitutionCard found = null;
        for (InstitutionCard c : cards.get(bin)) {
            if (!c.validFrom().isAfter(d)) {
                found = c;
            }
        }
        return found;
    }

    public long students(String bin, LocalDate d) {
        return spells.values().stream().filter(s -> s.schoolBin().equals(bin) && s.countsOn(d)).count();
    }

    /** Latest asOf on or before d and not older than a year; same asOf: the later received. */
    public FactProducer.Equipment current(String bin, LocalDate d) {
        FactProducer.Equipment best = null;
        for (FactProducer.Equipment r : reports) {
            if (!r.schoolBin().equals(bin) || r.asOf().isAfter(d) || r.asOf().isBefore(d.minusYears(1))) {
                continue;
            }
            if (best == null || r.asOf().isAfter(best.asOf())
                    || r.asOf().equals(best.asOf()) && r.receivedAt().isAfter(best.receivedAt())) {
                best = r;
            }
        }
        return best;
    }

    /** The equipment counts of the OPEN schools among {@code bins} on {@code d}, as the rollup names them. */
    public Map<String, BigDecimal> equipment(List<String> bins, LocalDate d) {
        long schools = 0, reported = 0, students = 0, inReported = 0, computers = 0, total = 0, replace = 0,
                connected = 0, broadband = 0, slow = 0, desktops = 0, projectors = 0;
        for (String bin : bins) {
            InstitutionCard card = placement(bin, d);
            if (card == null || card.status() != InstitutionStatus.OPEN) {
                continue;
            }
            schools++;
            long n = students(bin, d);
            students += n;
            FactProducer.Equipment r = current(bin, d);
            if (r == null) {
                continue;
            }
            reported++;
            inReported += n;
            for (Map<String, Object> device : r.devices()) {
                String kind = (String) device.get("kind");
                int t = (Integer) device.get("total"), teach = (Integer) device.get("forTeaching"),
                        repl = (Integer) device.get("needsReplacement");
                if (List.of("DESKTOP", "LAPTOP", "TABLET").contains(kind)) {
                    computers += teach;
                    total += t;
                    replace += repl;
                }
                desktops += kind.equals("DESKTOP") ? t : 0;
                projectors += kind.equals("PROJECTOR") ? t : 0;
            }
            connected += r.connected() ? 1 : 0;
            broadband += r.downloadMbps() >= 4 ? 1 : 0;
            slow += r.downloadMbps() < 2 ? 1 : 0;
        }
        Map<String, BigDecimal> f = new LinkedHashMap<>();
        f.put("schools", BigDecimal.valueOf(schools));
        f.put("reported", BigDecimal.valueOf(reported));
        f.put("notReported", BigDecimal.valueOf(schools - reported));
        f.put("students", BigDecimal.valueOf(students));
        f.put("studentsInReported", BigDecimal.valueOf(inReported));
        f.put("computers", BigDecimal.valueOf(computers));
        f.put("studentsPerComputer", share(inReported, computers, 2));
        f.put("connected", BigDecimal.valueOf(connected));
        f.put("connectedShare", share(connected, reported, 4));
        f.put("broadband", BigDecimal.valueOf(broadband));
        f.put("broadbandShare", share(broadband, reported, 4));
        f.put("under2Mbps", BigDecimal.valueOf(slow));
        f.put("computersTotal", BigDecimal.valueOf(total));
        f.put("needsReplacement", BigDecimal.valueOf(replace));
        f.put("needsReplacementShare", share(replace, total, 4));
        f.put("desktopTotal", BigDecimal.valueOf(desktops));
        f.put("projectorTotal", BigDecimal.valueOf(projectors));
        return f;
    }

    private static BigDecimal share(long a, long b, int scale) {
        return b == 0 ? null : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), scale, RoundingMode.HALF_UP);
    }

    /** Numbers from JSON compared by value: 12 and 12.0 are the same. */
    public static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros();
    }
}
