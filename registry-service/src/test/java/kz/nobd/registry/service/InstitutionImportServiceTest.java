package kz.nobd.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When an import analyzes the cards: once its new cards are as many as the planner believes the table holds. */
class InstitutionImportServiceTest {

    @Test
    void newCardsOutgrowATableAnalyzedEmptyOrNeverAnalyzed() {
        assertThat(InstitutionImportService.outgrows(1, 0)).isTrue();
        assertThat(InstitutionImportService.outgrows(1_000, -1)).isTrue();
    }

    @Test
    void newCardsOutgrowTheTableWhenAtLeastAsManyAsItHolds() {
        assertThat(InstitutionImportService.outgrows(999, 1_000)).isFalse();
        assertThat(InstitutionImportService.outgrows(1_000, 1_000)).isTrue();
        assertThat(InstitutionImportService.outgrows(5_000, 20_000)).isFalse();
    }

    @Test
    void noNewCardsNeverAnalyze() {
        assertThat(InstitutionImportService.outgrows(0, 0)).isFalse();
        assertThat(InstitutionImportService.outgrows(0, -1)).isFalse();
    }
}
