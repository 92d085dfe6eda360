package kz.nobd.dashboard.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The indicators of one unit over dates: a line chart per indicator, and the table of every card behind them. */
public record TrendView(List<LocalDate> dates, List<IndicatorCardView> cards, List<LineChart> charts) {

    public static TrendView of(List<LocalDate> dates, List<IndicatorCardView> cards, Locale locale) {
        List<LineChart> charts = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            charts.add(LineChart.of(indicator, dates, cards.stream().map(c -> c.line(indicator).total()).toList(),
                    locale));
        }
        return new TrendView(dates, cards, charts);
    }
}
