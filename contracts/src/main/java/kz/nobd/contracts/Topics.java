package kz.nobd.contracts;

/** Kafka topic names of v1 (partitions and retention in deploy/local/topics.txt). */
public final class Topics {
    public static final String REGISTRY_INSTITUTIONS = "registry.institutions.v1";
    public static final String INGEST_ENROLMENT = "ingest.enrolment.v1";
    public static final String INGEST_EQUIPMENT = "ingest.equipment.v1";
    public static final String FACTS_ENROLMENT = "facts.enrolment.v1";
    public static final String FACTS_EQUIPMENT = "facts.equipment.v1";
    /** Per school and kind, that ingest accepted submissions (completeness); key BIN, no personal data. */
    public static final String FACTS_SUBMISSIONS = "facts.submissions.v1";
    public static final String INGEST_REJECTED = "ingest.rejected.v1";
    /** Every status change of a school's sign-off return (report-service's outbox); key BIN, kept without limit. */
    public static final String SIGNOFF_RETURNS = "signoff.returns.v1";

    private Topics() {
    }
}
