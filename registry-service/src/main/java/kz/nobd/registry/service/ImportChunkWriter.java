package kz.nobd.registry.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.registry.domain.ChangeKind;
import kz.nobd.registry.domain.Institution;
import kz.nobd.registry.domain.InstitutionFields;
import kz.nobd.registry.repository.InstitutionRepository;
import kz.nobd.registry.service.ImportReport.Outcome;
import kz.nobd.registry.service.ImportReport.RowResult;
import kz.nobd.registry.service.InstitutionChangeRecorder.Change;
import kz.nobd.support.FieldError;

/**
 * Writes one chunk of valid import rows in the caller's transaction, set-based: one query locks every stored card of
 * the chunk (in BIN order), the rows are decided in file order in memory (a BIN that comes twice sees what its
 * earlier row did), the new cards are inserted with one COPY as the chunk left them, the changed stored cards written
 * with one UPDATE, then the history rows and outbox messages of every change are inserted in file order under
 * the writers' lock, taken once ({@link InstitutionChangeRecorder}).
 */
@ApplicationScoped
public class ImportChunkWriter {
    @Inject
    InstitutionRepository repository;
    @Inject
    InstitutionChangeRecorder recorder;
    @Inject
    Clock clock;

    /** A row that passed validation, with its checked fields. */
    public record ValidRow(ImportRow row, InstitutionFields fields) {
    }

    /** Writes {@code rows} as {@code actor}; returns the outcome of each, in their order. */
    public List<RowResult> write(List<ValidRow> rows, Actor actor) {
        Map<String, Institution> stored = repository.lockAll(rows.stream().map(valid -> valid.row().draft().bin())
                .distinct().toList()); // locked in BIN order by the query
        Map<String, Institution> cards = new HashMap<>(stored);
        List<RowResult> results = new ArrayList<>(rows.size());
        List<Change> changes = new ArrayList<>();
        List<Institution> created = new ArrayList<>();
        for (ValidRow valid : rows) {
            results.add(decide(valid, actor, cards, changes, created));
        }
        repository.insertAll(created);
        Set<String> updated = changes.stream().filter(change -> change.kind() == ChangeKind.IMPORTED_UPDATE)
                .map(change -> change.card().bin()).collect(Collectors.toSet());
        repository.updateAll(stored.values().stream().filter(card -> updated.contains(card.bin)).toList());
        recorder.recordAll(changes, actor.editor());
        return results;
    }

    private RowResult decide(ValidRow valid, Actor actor, Map<String, Institution> cards, List<Change> changes,
            List<Institution> created) {
        String bin = valid.row().draft().bin();
        int line = valid.row().line();
        Institution institution = cards.get(bin);
        if (institution == null) {
            institution = new Institution();
            institution.bin = bin;
            institution.apply(valid.fields());
            institution.status = InstitutionStatus.OPEN;
            institution.version = 1;
            institution.validFrom = valid.fields().openedOn();
            stamp(institution, actor.editor());
            created.add(institution); // inserted after the chunk's rows are decided: a later row may change it
            cards.put(bin, institution);
            changes.add(new Change(institution.toCard(), ChangeKind.IMPORTED_CREATE));
            return new RowResult(line, bin, Outcome.CREATED, List.of());
        }
        if (!actor.canEditIn(institution.oblastKato)
                || (!actor.isMinistry() && !institution.oblastKato.equals(valid.fields().territory().oblastKato))) {
            return new RowResult(line, bin, Outcome.REJECTED, List.of(new FieldError("bin", "BIN " + bin
                    + " cannot be imported by you: it is registered outside your oblast, or the row moves it to"
                    + " another oblast, which only the ministry may do")));
        }
        if (!institution.apply(valid.fields())) {
            return new RowResult(line, bin, Outcome.UNCHANGED, List.of());
        }
        institution.version++;
        institution.validFrom = LocalDate.now(clock).isBefore(institution.validFrom) ? institution.validFrom
                : LocalDate.now(clock);
        stamp(institution, actor.editor());
        changes.add(new Change(institution.toCard(), ChangeKind.IMPORTED_UPDATE));
        return new RowResult(line, bin, Outcome.UPDATED, List.of());
    }

    private void stamp(Institution institution, Editor editor) {
        institution.updatedAt = Instant.now(clock);
        institution.updatedBy = editor.name();
    }
}
