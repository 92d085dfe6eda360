package kz.nobd.report.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.Level;
import kz.nobd.support.Paging;

/**
 * A validated rollup or indicator query: the level of the rows, an optional territory ({@code kato}: oblast,
 * district or settlement) and school ({@code bin}) filter, the as-of date, the breakdown and the page.
 */
public record RollupQuery(Level level, String kato, String bin, LocalDate asOf, List<Dimension> by, Paging paging) {

    public Set<Dimension> spellDimensions() {
        return by.stream().filter(Dimension::ofSpell).collect(Collectors.toSet());
    }

    public List<String> byFields() {
        return by.stream().map(Dimension::field).toList();
    }
}
