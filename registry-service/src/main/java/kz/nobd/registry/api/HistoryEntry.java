package kz.nobd.registry.api;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonRawValue;

import kz.nobd.registry.domain.InstitutionVersion;

/** One version in GET /institutions/{bin}/history: who, when, why, and the full card of that version. */
public record HistoryEntry(long version, String changeKind, LocalDate validFrom, Instant changedAt, String changedBy,
        String changedByRole, @JsonRawValue String card) {

    static HistoryEntry of(InstitutionVersion v) {
        return new HistoryEntry(v.version, v.changeKind.name(), v.validFrom, v.changedAt, v.changedBy, v.changedByRole,
                v.card);
    }
}
