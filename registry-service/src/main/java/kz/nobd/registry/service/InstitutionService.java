package kz.nobd.registry.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import kz.nobd.contracts.Bin;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.registry.domain.ChangeKind;
import kz.nobd.support.ControlCharacters;
import kz.nobd.support.FieldError;
import kz.nobd.registry.domain.Institution;
import kz.nobd.registry.domain.InstitutionDraft;
import kz.nobd.registry.domain.InstitutionFields;
import kz.nobd.registry.domain.InstitutionValidator;
import kz.nobd.registry.domain.TerritoryLookup;
import kz.nobd.registry.repository.InstitutionRepository;
import kz.nobd.registry.repository.TerritoryRepository;
import kz.nobd.support.ConflictException;
import kz.nobd.support.ForbiddenException;
import kz.nobd.support.NotFoundException;
import kz.nobd.support.PreconditionFailedException;
import kz.nobd.support.PreconditionRequiredException;
import kz.nobd.support.ValidationException;
import kz.nobd.support.Caller;

/** Registers, edits and closes institutions; each change is one transaction with its history and outbox rows. */
@ApplicationScoped
public class InstitutionService {
    @Inject
    InstitutionRepository institutions;
    @Inject
    TerritoryRepository territories;
    @Inject
    InstitutionChangeRecorder recorder;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    CardCache cards;

    public InstitutionValidator validator() {
        return validator(territories::findByIdOptional);
    }

    /** The validator with KATO units looked up in {@code lookup} (an import reads its units in advance). */
    public InstitutionValidator validator(TerritoryLookup lookup) {
        return new InstitutionValidator(lookup, LocalDate.now(clock));
    }

    @Transactional
    public InstitutionCard create(InstitutionDraft draft) {
        List<FieldError> errors = new ArrayList<>(validator().checkBin(draft.bin()));
        InstitutionValidator.Result result = validator().validate(draft);
        errors.addAll(result.errors());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        InstitutionFields fields = result.fields();
        requireCanEditIn(fields.territory().oblastKato);
        if (institutions.findById(draft.bin()) != null) {
            throw new ConflictException("an institution with BIN " + draft.bin() + " is already registered");
        }
        Institution institution = new Institution();
        institution.bin = draft.bin();
        institution.apply(fields);
        institution.status = InstitutionStatus.OPEN;
        institution.version = 1;
        institution.validFrom = fields.openedOn();
        stamp(institution);
        institutions.persist(institution);
        return recorder.record(institution, ChangeKind.CREATED, Editor.of(caller));
    }

    /** A read: the card kept in memory, or as stored, read without a persistence context ({@link CardCache}). */
    public InstitutionCard get(String bin) {
        requireWellFormed(bin);
        InstitutionCard card = cards.get(bin, () -> {
            Institution stored = institutions.read(bin);
            return stored == null ? null : stored.toCard();
        });
        requireVisible(bin, card == null ? null : card.oblastKato());
        return card;
    }

    /**
     * The card of {@code bin} if it is kept in memory (null if not: {@link #get} reads it), without touching the
     * database: safe on the event loop.
     */
    public InstitutionCard kept(String bin) {
        requireWellFormed(bin);
        InstitutionCard card = cards.kept(bin);
        if (card != null) {
            requireVisible(bin, card.oblastKato());
        }
        return card;
    }

    @Transactional
    public InstitutionCard replace(String bin, Long expectedVersion, InstitutionDraft draft, String effectiveFrom) {
        Institution institution = visible(bin, LockModeType.PESSIMISTIC_WRITE);
        requireCanEditIn(institution.oblastKato);
        requireVersion(institution, expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        if (draft.bin() != null && !draft.bin().equals(bin)) {
            errors.add(new FieldError("bin", "bin cannot be changed: the body says " + draft.bin() + ", the path " + bin));
        }
        InstitutionValidator validator = validator();
        InstitutionValidator.Result result = validator.validate(draft);
        errors.addAll(result.errors());
        LocalDate effective = effectiveDate(validator, effectiveFrom, institution, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String newOblast = result.fields().territory().oblastKato;
        if (!newOblast.equals(institution.oblastKato) && !caller.isMinistry()) {
            throw new ForbiddenException("only the ministry moves an institution to another oblast ("
                    + institution.oblastKato + " -> " + newOblast + ")");
        }
        if (!institution.apply(result.fields())) {
            return institution.toCard();
        }
        institution.version++;
        institution.validFrom = effective;
        stamp(institution);
        return recorder.record(institution, ChangeKind.UPDATED, Editor.of(caller));
    }

    @Transactional
    public InstitutionCard close(String bin, Long expectedVersion, String closedOn, String reason, String successorBin) {
        Institution institution = visible(bin, LockModeType.PESSIMISTIC_WRITE);
        requireCanEditIn(institution.oblastKato);
        if (expectedVersion != null) {
            requireVersion(institution, expectedVersion);
        }
        if (!institution.isOpen()) {
            throw new ConflictException("institution " + bin + " is already " + institution.status + " since "
                    + institution.closedOn);
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate closed = validator().pastDate("closedOn", closedOn, true, errors);
        if (closed != null && closed.isBefore(institution.validFrom)) {
            errors.add(new FieldError("closedOn", "closedOn must be on or after " + institution.validFrom
                    + ", the date the current version of the card is valid from"));
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            errors.add(new FieldError("reason", "reason is required, 1..500 characters"));
        } else if (ControlCharacters.problemInText("reason", reason) != null) {
            errors.add(new FieldError("reason", ControlCharacters.problemInText("reason", reason)));
        }
        Institution successor = successor(bin, successorBin, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        institution.status = successor == null ? InstitutionStatus.CLOSED : InstitutionStatus.MERGED;
        institution.closedOn = closed;
        institution.closureReason = reason.strip();
        institution.successorBin = successor == null ? null : successor.bin;
        institution.version++;
        institution.validFrom = closed;
        stamp(institution);
        ChangeKind kind = successor == null ? ChangeKind.CLOSED : ChangeKind.MERGED;
        return recorder.record(institution, kind, Editor.of(caller));
    }

    /** The institution if it exists and the caller may see it; otherwise 404 without saying which. */
    Institution visible(String bin, LockModeType lock) {
        requireWellFormed(bin);
        Institution institution = institutions.findById(bin, lock);
        requireVisible(bin, institution == null ? null : institution.oblastKato);
        return institution;
    }

    private static void requireWellFormed(String bin) {
        String problem = Bin.problemWith(bin);
        if (problem != null) {
            throw new ValidationException(List.of(new FieldError("bin", problem)));
        }
    }

    /**
     * 404, without saying which, unless the card of {@code bin} exists ({@code oblastKato} not null) and the caller
     * covers it.
     */
    private void requireVisible(String bin, String oblastKato) {
        if (oblastKato == null || !caller.covers(bin, oblastKato)) {
            throw new NotFoundException("no institution with BIN " + bin + " in your jurisdiction");
        }
    }

    private Institution successor(String bin, String successorBin, List<FieldError> errors) {
        if (successorBin == null || successorBin.isBlank()) {
            return null;
        }
        String problem = Bin.problemWith(successorBin);
        if (problem != null) {
            errors.add(new FieldError("successorBin", problem));
            return null;
        }
        if (successorBin.equals(bin)) {
            errors.add(new FieldError("successorBin", "successorBin must be another institution, not " + bin + " itself"));
            return null;
        }
        Institution successor = institutions.findById(successorBin);
        if (successor == null || !caller.covers(successor.bin, successor.oblastKato)) {
            errors.add(new FieldError("successorBin", "no institution with BIN " + successorBin + " in your jurisdiction"));
        } else if (!successor.isOpen()) {
            errors.add(new FieldError("successorBin", "successor " + successorBin + " must be OPEN, is " + successor.status));
        } else {
            return successor;
        }
        return null;
    }

    private LocalDate effectiveDate(InstitutionValidator validator, String effectiveFrom, Institution current,
            List<FieldError> errors) {
        LocalDate date = validator.pastDate("effectiveFrom", effectiveFrom, false, errors);
        if (date == null) {
            date = LocalDate.now(clock);
        }
        if (date.isBefore(current.validFrom)) {
            errors.add(new FieldError("effectiveFrom", "effectiveFrom must be on or after " + current.validFrom
                    + ", the date the current version is valid from, was " + date));
        }
        return date;
    }

    private void requireCanEditIn(String oblastKato) {
        if (!caller.canEditIn(oblastKato)) {
            throw new ForbiddenException("you may register and edit institutions only in your own oblast; KATO "
                    + oblastKato + " is outside it");
        }
    }

    private static void requireVersion(Institution institution, Long expectedVersion) {
        if (expectedVersion == null) {
            throw new PreconditionRequiredException("If-Match is required: send the ETag of the card you edited"
                    + " (GET /api/v1/institutions/" + institution.bin + ")");
        }
        if (expectedVersion != institution.version) {
            throw new PreconditionFailedException("If-Match \"" + expectedVersion + "\" is stale: the card is at version "
                    + institution.version + "; GET it again and re-apply your change");
        }
    }

    private void stamp(Institution institution) {
        institution.updatedAt = Instant.now(clock);
        institution.updatedBy = caller.name();
    }

}
