package kz.nobd.report.signoff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import kz.nobd.contracts.events.ReturnStatus;

/** The shapes of returns in answers (docs/signoff.md). */
public final class ReturnRecords {
    private ReturnRecords() {
    }

    /** Who acts: the username (or "nobd" for the system) and the role (school, oblast, ministry, system). */
    public record Actor(String name, String role) {
        public static final Actor SYSTEM = new Actor("nobd", "system");
    }

    /** The latest status of a return as stored; {@code seq} 0 = no change recorded yet (DRAFT). */
    public record Row(String schoolBin, String oblastKato, ReturnStatus status, int seq, Long signatureId,
            Instant changedAt) {
    }

    /** One change of a return's status: who, when, why, and the digest of the signed content it concerns. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(int seq, ReturnStatus from, ReturnStatus to, Instant at, String actor, String actorRole,
            String reason, String digest) {
    }

    /** A signature on record: the content it signed (by digest) and the certificate that signed it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signature(long id, String digest, String subject, String issuer, String serial, String algorithm,
            Instant signingTime, Instant receivedAt, String signedBy) {
    }

    /** The signature in force and the figures it signed. */
    public record Signed(Signature signature, Map<String, Object> figures) {
    }

    /**
     * A school's return: its status; today's figures, their canonical {@code content} and {@code digest} (what a head
     * signs now); the signature in force with the figures it signed; every signature and every change.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(UUID periodId, String schoolBin, String nameKk, String nameRu, String oblastKato,
            String districtKato, ReturnStatus status, Map<String, Object> figures, String content, String digest,
            Signed signed, List<Signature> signatures, List<Change> history) {
    }

    /** A return in a list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String schoolBin, String nameKk, String nameRu, String oblastKato, String districtKato,
            ReturnStatus status, Instant changedAt) {
    }

    /** A page of returns of a period. */
    public record Page(UUID periodId, List<Item> rows, int page, int size, long total) {
    }

    /** The body of a signature: the digest of the content signed, and the detached CMS in base64 (DER). */
    public record SignatureBody(String digest, String signature) {
    }

    /** The body of a decision on one or more signed returns. */
    public record DecisionBody(String decision, String comment, List<String> bins) {
    }

    /** What a decision did: each return with its new status. */
    public record Decided(UUID periodId, String decision, List<Item> returns) {
    }
}
