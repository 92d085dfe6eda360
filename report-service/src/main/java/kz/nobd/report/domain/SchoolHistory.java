package kz.nobd.report.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every known version of one institution, oldest first (immutable). A version is valid from its {@code validFrom}
 * until the next version's; before the first version's {@code validFrom} the institution is placed nowhere.
 */
public record SchoolHistory(List<SchoolVersion> versions) {

    public SchoolHistory {
        versions = List.copyOf(versions);
    }

    public static SchoolHistory of(SchoolVersion first) {
        return new SchoolHistory(List.of(first));
    }

    public long latestVersion() {
        return versions.get(versions.size() - 1).version();
    }

    public SchoolVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** This history plus {@code next}, or this history when {@code next} is not newer than what it holds. */
    public SchoolHistory with(SchoolVersion next) {
        if (next.version() <= latestVersion()) {
            return this;
        }
        List<SchoolVersion> all = new ArrayList<>(versions);
        all.add(next);
        return new SchoolHistory(all);
    }

    /** The version in force on {@code date}: the newest whose validFrom is on or before it; null if none. */
    public SchoolVersion on(LocalDate date) {
        SchoolVersion found = null;
        for (SchoolVersion v : versions) {
            if (!v.validFrom().isAfter(date)) {
                found = v;
            }
        }
        return found;
    }
}
