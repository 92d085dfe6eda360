package kz.nobd.contracts.events;

/** The two kinds of input ingest takes: enrolment events and equipment reports. */
public enum InputKind {
    ENROLMENT, EQUIPMENT
}
