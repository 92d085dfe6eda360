package kz.nobd.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void theReadersChoiceThenTheBrowsersThenKazakh() {
        assertThat(Languages.choose("ru", List.of(Locale.ENGLISH))).isEqualTo("ru");
        assertThat(Languages.choose("xx", List.of(Locale.ENGLISH, Locale.forLanguageTag("ru-RU")))).isEqualTo("ru");
        assertThat(Languages.choose(null, List.of(Locale.US))).isEqualTo("kk");
    }

    @Test
    void theTrendIsTheFirstOfEachMonthAndToday() {
        List<LocalDate> dates = TrendViews.dates(LocalDate.of(2026, 12, 2), 24);
        assertThat(dates).hasSize(25);
        assertThat(dates.get(0)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(dates.get(23)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(dates.get(24)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(TrendViews.dates(LocalDate.of(2026, 12, 1), 24)).hasSize(24).endsWith(LocalDate.of(2026, 12, 1));
    }
}
