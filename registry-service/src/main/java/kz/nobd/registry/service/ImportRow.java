package kz.nobd.registry.service;

import kz.nobd.registry.domain.InstitutionDraft;

/**
 * One data row of an import CSV and its line number in the file; {@code problem} says why the row could not be
 * read (a wrong number of fields), and then {@code draft} is null: the row is rejected, the others go on.
 */
public record ImportRow(int line, InstitutionDraft draft, String problem) {
    public ImportRow(int line, InstitutionDraft draft) {
        this(line, draft, null);
    }

    public static ImportRow unreadable(int line, String problem) {
        return new ImportRow(line, null, problem);
    }
}
