package kz.nobd.report.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every accepted report of one school (immutable). The current report on a date is the school's latest with
 * {@code asOf} on or before that date and not more than one year older (same asOf: the later received); an old
 * report arriving late stays in the history without displacing a newer one.
 */
public record EquipmentHistory(List<EquipmentReport> reports) {

    public EquipmentHistory {
        reports = List.copyOf(reports);
    }

    /** This history with {@code report} added, or replacing the report of the same id (a redelivery). */
    public EquipmentHistory with(EquipmentReport report) {
        List<EquipmentReport> all = new ArrayList<>(reports.size() + 1);
        for (EquipmentReport r : reports) {
            if (!r.reportId().equals(report.reportId())) {
                all.add(r);
            }
        }
        all.add(report);
        return new EquipmentHistory(all);
    }

    public EquipmentReport currentOn(LocalDate date) {
        LocalDate oldest = date.minusYears(1);
        EquipmentReport current = null;
        for (EquipmentReport r : reports) {
            if (r.asOf().isAfter(date) || r.asOf().isBefore(oldest)) {
                continue;
            }
            if (current == null || r.supersedes(current)) {
                current = r;
            }
        }
        return current;
    }
}
