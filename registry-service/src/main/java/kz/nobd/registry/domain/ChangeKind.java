package kz.nobd.registry.domain;

/** Why a card version was written. */
public enum ChangeKind {
    CREATED, UPDATED, CLOSED, MERGED, IMPORTED_CREATE, IMPORTED_UPDATE
}
