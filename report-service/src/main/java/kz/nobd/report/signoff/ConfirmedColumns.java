package kz.nobd.report.signoff;

import java.util.List;
import java.util.Map;

/** The columns every row of a confirmed answer adds: its period and the schools whose signed returns it covers. */
public final class ConfirmedColumns {
    public static final List<String> NAMES = List.of("basis", "period", "periodName", "censusDate", "schools");

    private ConfirmedColumns() {
    }

    public static void put(Map<String, Object> row, ConfirmedFigures.Confirmed confirmed, long schools) {
        row.put("basis", "confirmed");
        row.put("period", confirmed.period().id().toString());
        row.put("periodName", confirmed.period().name());
        row.put("censusDate", confirmed.period().censusDate().toString());
        row.put("schools", schools);
    }
}
