package kz.nobd.registry.service;

import kz.nobd.registry.domain.InstitutionDraft;

/** One data row of an import CSV and its line number in the file. */
public record ImportRow(int line, InstitutionDraft draft) {
}
