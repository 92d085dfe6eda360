package kz.nobd.contracts.events;

/** What made ingest publish a spell fact: a new spell, its end set, or any other change (a late correction). */
public enum SpellChange {
    OPENED, CLOSED, CORRECTED
}
