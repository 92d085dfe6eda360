package kz.nobd.report.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The net change of the daily deltas that one polled batch of spell facts makes: a spell adds +1 on its
 * validFrom and -1 on its validTo; a later fact of the same spell first takes back what the earlier state added.
 * Replaying a fact already applied therefore nets to nothing (idempotent).
 */
public final class SpellDeltas {
    private final Map<DeltaKey, Integer> net = new LinkedHashMap<>();

    /** Replaces the spell's state {@code before} (null if unknown) by {@code after}. */
    public void replace(Spell before, Spell after) {
        if (before != null) {
            add(before, -1);
        }
        add(after, +1);
    }

    private void add(Spell spell, int sign) {
        if (!spell.countsSomewhere()) {
            return;
        }
        change(spell, spell.validFrom(), sign);
        if (spell.validTo() != null) {
            change(spell, spell.validTo(), -sign);
        }
    }

    private void change(Spell spell, LocalDate day, int delta) {
        DeltaKey key = new DeltaKey(spell.schoolBin(), spell.grade(), spell.sex(), spell.language(), day);
        net.merge(key, delta, Integer::sum);
    }

    /** The non-zero net changes. */
    public Map<DeltaKey, Integer> nonZero() {
        Map<DeltaKey, Integer> result = new LinkedHashMap<>();
        net.forEach((k, v) -> {
            if (v != 0) {
                result.put(k, v);
            }
        });
        return result;
    }
}
