package kz.nobd.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChartsTest {
    static final Locale KK = Locale.forLanguageTag("kk-KZ");

    static UnitFigures unit(Level level, String code, String name, String broadband) {
        Map<Indicator, Figure> figures = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            figures.put(i, Figure.NONE);
        }
        figures.put(Indicator.BROADBAND_SHARE, broadband == null ? Figure.NONE : new Figure(broadband, broadband));
        return new UnitFigures(new Place(level, code, name, name), figures, Figure.NONE);
    }

    @Test
    void oblastsSitOnTheGeographicGridAndEveryTileWritesItsValue() {
        TileMap map = TileMap.of(List.of(unit(Level.OBLAST, "270000000", "Батыс Қазақстан", "0.5"),
                unit(Level.OBLAST, "750000000", "Алматы қ.", "0.9"), unit(Level.OBLAST, "110000000", "Ақмола", null)),
                Indicator.BROADBAND_SHARE, "kk");
        assertThat(map.columns()).isEqualTo(7);
        TileMap.Tile west = map.tiles().stream().filter(t -> t.place().code().equals("270000000")).findFirst().orElseThrow();
        TileMap.Tile almaty = map.tiles().stream().filter(t -> t.place().code().equals("750000000")).findFirst().orElseThrow();
        assertThat(west.column()).isLessThan(almaty.column());
        assertThat(west.row()).isLessThan(almaty.row());
        assertThat(almaty.value().raw()).isEqualTo("0.9");
        assertThat(almaty.fill()).isEqualTo(ColourScale.FILLS.get(4));
    }

    @Test
    void districtsAreLaidOutInNameOrder() {
        TileMap map = TileMap.of(List.of(unit(Level.DISTRICT, "111000000", "Б", "0.1"),
                unit(Level.DISTRICT, "112000000", "А", "0.2")), Indicator.BROADBAND_SHARE, "kk");
        assertThat(map.tiles()).extracting(TileMap.Tile::label).containsExactly("А", "Б");
        assertThat(map.tiles()).extracting(TileMap.Tile::column).containsExactly(1, 2);
    }

    @Test
    void barsGoBestFirstScaledToTheLargestAndLeaveOutUnitsWithoutValue() {
        BarChart chart = BarChart.of(List.of(unit(Level.OBLAST, "110000000", "a", "0.25"),
                unit(Level.OBLAST, "150000000", "b", "0.5"), unit(Level.OBLAST, "190000000", "c", null)),
                Indicator.BROADBAND_SHARE, "kk");
        assertThat(chart.bars()).extracting(b -> b.place().code()).containsExactly("150000000", "110000000");
        assertThat(chart.bars().get(0).barWidth()).isEqualTo(2 * chart.bars().get(1).barWidth());
        assertThat(chart.more()).isEqualTo(1);
    }

    @Test
    void aLineIsBrokenWhereADateHasNoValue() {
        List<LocalDate> dates = List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
        LineChart chart = LineChart.of(Indicator.BROADBAND_SHARE, dates,
                List.of(new Figure("0.5", "50 %"), Figure.NONE, new Figure("1", "100 %")), KK);
        assertThat(chart.path()).matches("M\\d+,\\d+ M\\d+,\\d+");
        assertThat(chart.points().get(2).y()).isLessThan(chart.points().get(0).y());
    }

    @Test
    void countTicksAreWholeNumbers() {
        LineChart chart = LineChart.of(Indicator.STUDENTS, List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)),
                List.of(new Figure("7", "7"), new Figure("3", "3")), KK);
        assertThat(chart.ticks()).extracting(LineChart.Tick::label).containsExactly("0", "4", "8");
    }
}
