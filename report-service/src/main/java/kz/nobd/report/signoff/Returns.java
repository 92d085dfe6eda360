package kz.nobd.report.signoff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.events.ReturnStatus;
import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.domain.Level;
import kz.nobd.report.domain.SchoolVersion;
import kz.nobd.report.messaging.Transactions;
import kz.nobd.report.service.Completeness;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.service.SchoolDirectory;
import kz.nobd.report.service.Units;
import kz.nobd.report.signoff.ReturnRecords.Actor;
import kz.nobd.report.signoff.ReturnRecords.Decided;
import kz.nobd.report.signoff.ReturnRecords.DecisionBody;
import kz.nobd.report.signoff.ReturnRecords.Item;
import kz.nobd.report.signoff.ReturnRecords.Page;
import kz.nobd.report.signoff.ReturnRecords.Row;
import kz.nobd.report.signoff.ReturnRecords.Signature;
import kz.nobd.report.signoff.ReturnRecords.SignatureBody;
import kz.nobd.report.signoff.ReturnRecords.Signed;
import kz.nobd.report.signoff.ReturnRecords.View;
import kz.nobd.report.signoff.signature.SignatureVerifier;
import kz.nobd.report.signoff.signature.VerifiedSignature;
import kz.nobd.support.FieldError;
import kz.nobd.support.NotFoundException;
import kz.nobd.support.Paging;
import kz.nobd.support.ValidationException;

/**
 * Schools' returns for a period (docs/signoff.md): which schools owe one (OPEN on the census date, of a
 * general-education type), their status, signing, the oblast's acceptance or return, and the move back to DRAFT of
 * a return whose figures changed after it was signed. Every change is made under the return's row lock, with its
 * history entry and outbox message, in one transaction; a refused action changes nothing.
 */
@ApplicationScoped
public class Returns {
    static final Set<ReturnStatus> SIGNABLE = EnumSet.of(ReturnStatus.DRAFT, ReturnStatus.RETURNED);
    static final Set<ReturnStatus> WATCHED = EnumSet.of(ReturnStatus.SIGNED, ReturnStatus.ACCEPTED,
            ReturnStatus.RETURNED);
    public static final String DATA_CHANGED = "DATA_CHANGED_AFTER_SIGNING";

    @Inject
    SignoffDatabase database;
    @Inject
    Periods periods;
    @Inject
    ReturnLedger ledger;
    @Inject
    ReturnFigures figures;
    @Inject
    SchoolDirectory directory;
    @Inject
    Units units;
    @Inject
    SignatureVerifier verifier;
    @Inject
    ReportConfig config;
    @Inject
    Clock clock;

    /** The schools that owe a return for {@code period}, inside {@code j}, by BIN. */
    public Map<String, SchoolVersion> expected(Period period, Jurisdiction j) {
        Map<String, SchoolVersion> schools = new java.util.TreeMap<>();
        for (SchoolVersion school : directory.placedOn(period.censusDate())) {
            if (owes(school) && j.covers(school)) {
                schools.put(school.bin(), school);
            }
        }
        return schools;
    }

    /** The school {@code bin} owing a return of the period inside {@code j}; 404 otherwise (outside or none). */
    SchoolVersion school(Period period, String bin, Jurisdiction j) {
        SchoolVersion school = bin == null ? null : directory.on(bin.strip(), period.censusDate());
        if (school == null || !owes(school) || !j.covers(school)) {
            throw new NotFoundException("no return of school " + bin + " in period " + period.id()
                    + " in your jurisdiction (returns are owed by general-education schools OPEN on the census date "
                    + period.censusDate() + ")");
        }
        return school;
    }

    private static boolean owes(SchoolVersion school) {
        return school.isOpen() && Completeness.EXPECTED_TYPES.contains(school.type());
    }

    /** One return, with today's figures to sign, the signature in force, every signature and every change. */
    public View view(String periodId, String bin, Jurisdiction j) {
        Period period = periods.find(periodId);
        SchoolVersion school = school(period, bin, j);
        ReturnContent today = figures.content(period, school.bin());
        return Transactions.run(database.source(), c -> {
            Row row = ledger.rows(c, period.id()).get(school.bin());
            Signed signed = null;
            List<Signature> signatures = ledger.signatures(c, period.id(), school.bin());
            if (row != null && row.signatureId() != null) {
                Signature inForce = signatures.stream().filter(s -> s.id() == row.signatureId()).findFirst()
                        .orElseThrow();
                signed = new Signed(inForce, ReturnFigures.figuresOf(ledger.signedContent(c, inForce.id())));
            }
            return new View(period.id(), school.bin(), school.nameKk(), school.nameRu(), school.oblastKato(),
                    school.districtKato(), row == null ? ReturnStatus.DRAFT : row.status(),
                    ReturnFigures.figuresOf(today.json()), today.json(), today.digest(), signed, signatures,
                    ledger.history(c, period.id(), school.bin()));
        });
    }

    /** The returns of a period inside {@code j} (and {@code kato}, {@code status}), by BIN, one page. */
    public Page list(String periodId, Jurisdiction j, String kato, ReturnStatus status, Paging paging) {
        Period period = periods.find(periodId);
        j.checkTerritory(kato);
        Map<String, Row> rows = Transactions.run(database.source(), c -> ledger.rows(c, period.id()));
        List<Item> items = new ArrayList<>();
        for (SchoolVersion school : expected(period, j).values()) {
            Row row = rows.get(school.bin());
            ReturnStatus current = row == null ? ReturnStatus.DRAFT : row.status();
            if ((kato == null || school.liesIn(kato)) && (status == null || status == current)) {
                items.add(item(school, row));
            }
        }
        return new Page(period.id(), paging.slice(items), paging.page(), paging.size(), items.size());
    }

    /**
     * Signs a school's return: the digest must be today's content's, the return DRAFT or RETURNED, the period
     * OPEN, and the CMS signature must pass {@link SignatureVerifier}; then the return is SIGNED with it.
     */
    public View sign(String periodId, String bin, SignatureBody body, Jurisdiction j, Actor actor) {
        Period period = periods.find(periodId);
        SchoolVersion school = school(period, bin, j);
        byte[] cms = cms(body);
        refuseIfLocked(period);
        ReturnContent today = figures.content(period, school.bin());
        if (!today.digest().equals(body.digest().strip().toLowerCase(Locale.ROOT))) {
            throw WorkflowRefusal.CONTENT_CHANGED.refuse("the return's figures are not those of digest "
                    + body.digest().strip() + " (now " + today.digest() + "): read the return again and sign its content");
        }
        Instant now = Instant.now(clock);
        VerifiedSignature verified = verifier.verify(today.bytes(), cms, school.bin(), now);
        Transactions.run(database.source(), c -> {
            refuseIfLocked(periods.find(c, period.id(), false));
            Row row = ledger.lock(c, period.id(), school.bin(), school.oblastKato());
            if (!SIGNABLE.contains(row.status())) {
                throw WorkflowRefusal.INVALID_TRANSITION.refuse("the return is " + row.status()
                        + "; a return is signed when DRAFT or RETURNED");
            }
            long id = ledger.addSignature(c, period.id(), school.bin(), today, cms, new Signature(0, today.digest(),
                    verified.subject(), verified.issuer(), verified.serial(), verified.algorithm(),
                    verified.signingTime(), now, actor.name()));
            ledger.change(c, period, row, ReturnStatus.SIGNED, id, today.digest(), actor, null, now);
            return null;
        });
        return view(periodId, school.bin(), j);
    }

    /**
     * Accepts (SIGNED -> ACCEPTED) or returns (SIGNED or ACCEPTED -> RETURNED, with a comment) the returns named, all
     * or none: one that cannot refuses the whole request and names it.
     */
    public Decided decide(String periodId, DecisionBody body, Jurisdiction j, Actor actor) {
        Period period = periods.find(periodId);
        Decision decision = Decision.of(body);
        List<String> bins = bins(body);
        List<SchoolVersion> schools = new ArrayList<>();
        for (String bin : bins) {
            try {
                schools.add(school(period, bin, j));
            } catch (NotFoundException e) {
                throw new NotFoundException("bins[" + indexIn(body, bin) + "]: " + e.getMessage());
            }
        }
        refuseIfLocked(period);
        Instant now = Instant.now(clock);
        List<Item> decided = Transactions.run(database.source(), c -> {
            refuseIfLocked(periods.find(c, period.id(), true));
            List<Item> items = new ArrayList<>();
            List<FieldError> refused = new ArrayList<>();
            for (SchoolVersion school : schools) {
                Row row = ledger.lock(c, period.id(), school.bin(), school.oblastKato());
                if (!decision.from.contains(row.status())) {
                    // named by position: a 12-digit BIN is masked in every problem (it could be an IIN)
                    refused.add(new FieldError("bins[" + indexIn(body, school.bin()) + "]", "the return is "
                            + row.status() + "; " + decision.verb + " needs " + decision.from));
                    continue;
                }
                String digest = ledger.signedDigest(c, row.signatureId());
                ledger.change(c, period, row, decision.to, row.signatureId(), digest, actor,
                        decision == Decision.RETURN ? body.comment().strip() : null, now);
                items.add(new Item(school.bin(), school.nameKk(), school.nameRu(), school.oblastKato(),
                        school.districtKato(), decision.to, now));
            }
            if (!refused.isEmpty()) {
                throw WorkflowRefusal.INVALID_TRANSITION.refuse("nothing was changed: " + refused.size() + " of the "
                        + schools.size() + " returns cannot be decided (errors name them by their place in bins)",
                        refused);
            }
            return items;
        });
        return new Decided(period.id(), decision.name(), decided);
    }

    /** How many of the period's schools in {@code j} (and {@code kato}) are in each status, and which. */
    public PeriodCompleteness completeness(String periodId, String kato, Jurisdiction j) {
        Period period = periods.find(periodId);
        j.checkTerritory(kato);
        Map<String, Row> rows = Transactions.run(database.source(), c -> ledger.rows(c, period.id()));
        Map<String, Integer> byStatus = new java.util.LinkedHashMap<>();
        for (ReturnStatus s : ReturnStatus.values()) {
            byStatus.put(s.name(), 0);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (SchoolVersion school : expected(period, j).values()) {
            if (kato != null && !school.liesIn(kato)) {
                continue;
            }
            Row row = rows.get(school.bin());
            ReturnStatus status = row == null ? ReturnStatus.DRAFT : row.status();
            byStatus.merge(status.name(), 1, Integer::sum);
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            units.name(Level.SCHOOL, school, line);
            line.put("status", status.name());
            line.put("changedAt", row == null || row.seq() == 0 ? null : row.changedAt().toString());
            list.add(line);
        }
        return new PeriodCompleteness(period.id(), period.kind().name(), period.name(), kato, list.size(), byStatus,
                list);
    }

    private static Item item(SchoolVersion school, Row row) {
        return new Item(school.bin(), school.nameKk(), school.nameRu(), school.oblastKato(), school.districtKato(),
                row == null ? ReturnStatus.DRAFT : row.status(), row == null || row.seq() == 0 ? null : row.changedAt());
    }

    static void refuseIfLocked(Period period) {
        if (period.isLocked()) {
            throw WorkflowRefusal.PERIOD_LOCKED.refuse("period " + period.id() + " is LOCKED: its returns change no more"
                    + " unless the ministry reopens it");
        }
    }

    private byte[] cms(SignatureBody body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.digest() == null || !body.digest().strip().matches("[0-9a-fA-F]{64}")) {
            errors.add(new FieldError("digest", "the SHA-256 of the content signed, 64 hex digits (the return's digest)"));
        }
        byte[] cms = null;
        try {
            // line breaks and spaces of wrapped base64 are allowed, any other character is not base64 (400)
            cms = body == null || body.signature() == null ? null
                    : Base64.getDecoder().decode(body.signature().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            cms = null;
        }
        if (cms == null || cms.length == 0) {
            errors.add(new FieldError("signature", "a detached CMS (PKCS#7) signature of the content, DER in base64"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return cms;
    }

    /** Where {@code bin} is in the request's list (refusals name a BIN by it: BINs are masked in problems). */
    private static int indexIn(DecisionBody body, String bin) {
        for (int i = 0; i < body.bins().size(); i++) {
            if (bin.equals(body.bins().get(i) == null ? null : body.bins().get(i).strip())) {
                return i;
            }
        }
        return -1;
    }

    private List<String> bins(DecisionBody body) {
        List<String> bins = body.bins() == null ? List.of() : body.bins();
        if (bins.isEmpty() || bins.size() > config.signoff().maxBulk()
                || bins.stream().anyMatch(b -> b == null || !b.strip().matches("\\d{12}"))) {
            throw new ValidationException(List.of(new FieldError("bins", "1 to " + config.signoff().maxBulk()
                    + " school BINs of 12 digits")));
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(bins.stream().map(String::strip).toList()));
        distinct.sort(Comparator.naturalOrder()); // rows are locked in one order: two bulk requests cannot deadlock
        return distinct;
    }

    /** ACCEPT or RETURN, and the statuses each starts from. */
    enum Decision {
        ACCEPT(EnumSet.of(ReturnStatus.SIGNED), ReturnStatus.ACCEPTED, "accepting"),
        RETURN(EnumSet.of(ReturnStatus.SIGNED, ReturnStatus.ACCEPTED), ReturnStatus.RETURNED, "returning");

        final Set<ReturnStatus> from;
        final ReturnStatus to;
        final String verb;

        Decision(Set<ReturnStatus> from, ReturnStatus to, String verb) {
            this.from = from;
            this.to = to;
            this.verb = verb;
        }

        static Decision of(DecisionBody body) {
            List<FieldError> errors = new ArrayList<>();
            Decision decision = null;
            try {
                decision = valueOf(body == null || body.decision() == null ? ""
                        : body.decision().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("decision", "ACCEPT or RETURN"));
            }
            if (decision == RETURN && (body.comment() == null || body.comment().isBlank()
                    || body.comment().length() > 2000)) {
                errors.add(new FieldError("comment", "a return says what to fix: 1 to 2000 characters"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return decision;
        }
    }
}
