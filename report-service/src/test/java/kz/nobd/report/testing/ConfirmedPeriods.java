package kz.nobd.report.testing;

import static kz.nobd.testing.Tokens.MINISTRY;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.signoff.ReturnRecords.Actor;
import kz.nobd.report.signoff.ReturnRecords.DecisionBody;
import kz.nobd.report.signoff.ReturnRecords.SignatureBody;
import kz.nobd.report.signoff.ReturnRecords.View;
import kz.nobd.report.signoff.Returns;
import kz.nobd.support.Caller;
import kz.nobd.testing.Callers;
import kz.nobd.testing.signing.SigningCa;

/**
 * Confirmed figures for tests (docs/signoff.md): a reporting period opened by the ministry (HTTP), the returns of
 * schools whose facts the test published signed with the test CA's certificate of each school through the real
 * {@link Returns#sign} (the CMS check included), accepted through {@link Returns#decide}, and the period locked by
 * the ministry (HTTP). Sign only once the facts of the census date are counted: a return signs today's figures.
 */
public final class ConfirmedPeriods {
    public static final String PERIODS = "/api/v1/periods";
    private static final Jurisdiction MINISTRY_SEES = new Jurisdiction(Caller.MINISTRY, "test", null, null);
    private static final Actor MINISTRY_ACTS = new Actor("test", Caller.MINISTRY);

    private ConfirmedPeriods() {
    }

    /**
     * A LOCKED period of {@code kind} as of {@code censusDate} (before today) holding the returns of {@code bins},
     * each signed and accepted; its id.
     */
    public static String locked(SignoffKind kind, LocalDate censusDate, Collection<String> bins) {
        String period = open(kind, censusDate);
        bins.forEach(bin -> sign(period, bin));
        decide(period, "ACCEPT", null, bins);
        lock(period);
        return period;
    }

    /**
     * An OPEN period of {@code kind} as of {@code censusDate} (before today) whose deadlines have passed (it may be
     * locked at once): submission ten days after the census date, acceptance five days later, neither after
     * yesterday. Its name is unique.
     */
    public static String open(SignoffKind kind, LocalDate censusDate) {
        LocalDate yesterday = Reports.today().minusDays(1);
        if (!censusDate.isBefore(Reports.today())) {
            throw new IllegalArgumentException("a period to lock needs a census date before today, not " + censusDate);
        }
        LocalDate acceptance = min(censusDate.plusDays(15), yesterday);
        LocalDate submission = min(censusDate.plusDays(10), acceptance);
        Response response = Callers.json(MINISTRY).body(Map.of("kind", kind.name(),
                "name", kind.name().toLowerCase() + " test " + UUID.randomUUID(), "censusDate", censusDate.toString(),
                "submissionDeadline", submission.toString(), "acceptanceDeadline", acceptance.toString()))
                .post(PERIODS);
        expect(response, 201, "open a period");
        return response.jsonPath().getString("id");
    }

    /** Signs the return of {@code bin} as it stands now, with a fresh valid RSA certificate of the school's head. */
    public static View sign(String period, String bin) {
        View draft = returns().view(period, bin, MINISTRY_SEES);
        String cms = SigningCa.get().valid(bin).signDetachedBase64(draft.content());
        return returns().sign(period, bin, new SignatureBody(draft.digest(), cms),
                new Jurisdiction(Caller.SCHOOL, "test", null, bin), new Actor("test", Caller.SCHOOL));
    }

    /** ACCEPT or RETURN (with a comment) the returns of {@code bins}, as the ministry. */
    public static void decide(String period, String decision, String comment, Collection<String> bins) {
        returns().decide(period, new DecisionBody(decision, comment, List.copyOf(bins)), MINISTRY_SEES, MINISTRY_ACTS);
    }

    /** The ministry locks the period (HTTP). */
    public static void lock(String period) {
        expect(Callers.as(MINISTRY).post(PERIODS + "/" + period + "/lock"), 200, "lock period " + period);
    }

    /** The return of {@code bin} as the ministry reads it (HTTP): status, figures, the signed ones, history. */
    public static Response read(String period, String bin) {
        Response response = Callers.as(MINISTRY).get(PERIODS + "/" + period + "/returns/" + bin);
        expect(response, 200, "read the return of " + bin);
        return response;
    }

    private static Returns returns() {
        return Arc.container().instance(Returns.class).get();
    }

    private static void expect(Response response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": " + response.statusCode() + " " + response.asString());
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
