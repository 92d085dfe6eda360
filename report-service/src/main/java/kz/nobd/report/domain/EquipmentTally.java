package kz.nobd.report.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equipment figures of a set of OPEN schools on a date (docs/report.md defines each): counts, then the
 * indicators computed from them over the schools that have a current report.
 */
public final class EquipmentTally {
    public static final List<String> KINDS = List.of("DESKTOP", "LAPTOP", "TABLET", "INTERACTIVE_PANEL", "PROJECTOR",
            "OTHER");
    private static final BigDecimal BROADBAND_MBPS = BigDecimal.valueOf(4);
    private static final BigDecimal SLOW_MBPS = BigDecimal.valueOf(2);

    private long schools;
    private long reported;
    private long students;
    private long studentsReported;
    private long computers;
    private long computersTotal;
    private long computersNeedingReplacement;
    private long connected;
    private long broadband;
    private long under2Mbps;
    private final long[][] devices = new long[KINDS.size()][3];

    /** One OPEN school with {@code students} enrolled and its current report, or null if it has none. */
    public void add(EquipmentReport report, long schoolStudents) {
        schools++;
        students += schoolStudents;
        if (report == null) {
            return;
        }
        reported++;
        studentsReported += schoolStudents;
        for (EquipmentReport.Device d : report.devices()) {
            int k = KINDS.indexOf(d.kind());
            if (k >= 0) {
                devices[k][0] += d.total();
                devices[k][1] += d.forTeaching();
                devices[k][2] += d.needsReplacement();
            }
            if (d.isComputer()) {
                computers += d.forTeaching();
                computersTotal += d.total();
                computersNeedingReplacement += d.needsReplacement();
            }
        }
        BigDecimal mbps = report.internet().downloadMbps();
        connected += report.internet().connected() ? 1 : 0;
        broadband += mbps.compareTo(BROADBAND_MBPS) >= 0 ? 1 : 0;
        under2Mbps += mbps.compareTo(SLOW_MBPS) < 0 ? 1 : 0;
    }

    /**
     * Adds the students of one school already counted here or in a tally added into this one ({@link #add} with 0
     * students): {@code reported} when that school has a current report.
     */
    public void addStudents(long schoolStudents, boolean reported) {
        students += schoolStudents;
        if (reported) {
            studentsReported += schoolStudents;
        }
    }

    /** Adds this tally's counts to {@code total}. */
    public void addInto(EquipmentTally total) {
        total.schools += schools;
        total.reported += reported;
        total.students += students;
        total.studentsReported += studentsReported;
        total.computers += computers;
        total.computersTotal += computersTotal;
        total.computersNeedingReplacement += computersNeedingReplacement;
        total.connected += connected;
        total.broadband += broadband;
        total.under2Mbps += under2Mbps;
        for (int k = 0; k < KINDS.size(); k++) {
            for (int f = 0; f < 3; f++) {
                total.devices[k][f] += devices[k][f];
            }
        }
    }

    public long schools() {
        return schools;
    }

    public long students() {
        return students;
    }

    /** The figures as row fields, in the order of the CSV columns. */
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("schools", schools);
        f.put("reported", reported);
        f.put("notReported", schools - reported);
        f.put("students", students);
        f.put("studentsInReported", studentsReported);
        f.put("computers", computers);
        f.put("studentsPerComputer", ratio(studentsReported, computers, 2));
        f.put("connected", connected);
        f.put("connectedShare", ratio(connected, reported, 4));
        f.put("broadband", broadband);
        f.put("broadbandShare", ratio(broadband, reported, 4));
        f.put("under2Mbps", under2Mbps);
        f.put("computersTotal", computersTotal);
        f.put("needsReplacement", computersNeedingReplacement);
        f.put("needsReplacementShare", ratio(computersNeedingReplacement, computersTotal, 4));
        for (int k = 0; k < KINDS.size(); k++) {
            String prefix = camel(KINDS.get(k));
            f.put(prefix + "Total", devices[k][0]);
            f.put(prefix + "ForTeaching", devices[k][1]);
            f.put(prefix + "NeedsReplacement", devices[k][2]);
        }
        return f;
    }

    /** {@code numerator / denominator} rounded half-up to {@code scale} places; null when the denominator is 0. */
    public static BigDecimal ratio(long numerator, long denominator, int scale) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }

    private static String camel(String kind) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : kind.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }
}
