package kz.nobd.dashboard.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import kz.nobd.dashboard.client.ReportApi;
import kz.nobd.dashboard.config.DashboardConfig;
import kz.nobd.dashboard.view.IndicatorCardView;
import kz.nobd.dashboard.view.Level;
import kz.nobd.dashboard.view.TrendView;

/**
 * The as-of series of a unit's card: the 1st of each of the last {@code nobd.dashboard.trend-months} months and
 * today, one GET /indicators?asOf= per date, {@code trend-concurrency} at a time (past dates are heavy queries of
 * report-service: it computes 2 at once and refuses a third that waited a second).
 */
@ApplicationScoped
public class TrendViews {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @Inject
    @RestClient
    ReportApi report;

    @Inject
    DashboardConfig config;

    public Uni<TrendView> of(Level level, String kato, String bin, Texts texts) {
        List<LocalDate> dates = dates(LocalDate.now(ALMATY), config.trendMonths());
        return Multi.createFrom().iterable(dates)
                .onItem().transformToUni(date -> report.indicators(level.name(), kato, bin, date.toString())
                        .onFailure(TrendViews::busy).retry().withBackOff(Duration.ofMillis(500)).atMost(3)
                        .map(card -> Tuple2.of(date, IndicatorCardView.of(level, card, texts.locale(), texts.pointsUnit()))))
                .merge(config.trendConcurrency())
                .collect().asList()
                .map(cards -> {
                    List<Tuple2<LocalDate, IndicatorCardView>> sorted = new ArrayList<>(cards);
                    sorted.sort(Comparator.comparing(Tuple2::getItem1));
                    return TrendView.of(sorted.stream().map(Tuple2::getItem1).toList(),
                            sorted.stream().map(Tuple2::getItem2).toList(), texts.locale());
                });
    }

    /** report-service had no turn for a heavy query (503): worth another try after a short wait */
    static boolean busy(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse().getStatus() == 503;
    }

    /** the 1st of each of the last {@code months} months (this one included) and today, oldest first */
    static List<LocalDate> dates(LocalDate today, int months) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate first = today.withDayOfMonth(1).minusMonths(months - 1L);
        for (LocalDate d = first; !d.isAfter(today); d = d.plusMonths(1)) {
            dates.add(d);
        }
        if (!dates.contains(today)) {
            dates.add(today);
        }
        return dates;
    }
}
