package kz.nobd.report.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

import kz.nobd.report.domain.Dimension;

/** Where a rollup takes schools' counts from: today's figures ({@link EnrolmentCounts}) or a period's signed ones. */
@FunctionalInterface
public interface CountSource {
    /** Visits the counts of the schools in {@code bins} (all when null) on {@code date}, in BIN order. */
    void inBinOrder(LocalDate date, Set<Dimension> dims, Collection<String> bins, SchoolCounts visitor);
}
