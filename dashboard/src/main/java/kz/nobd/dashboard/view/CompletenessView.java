package kz.nobd.dashboard.view;

import java.util.List;

/**
 * Who has reported: for the current reporting period, how many of the schools that owe a return are in each status
 * and which have not signed yet (DRAFT, RETURNED); without a period, the equipment reports since 1 September.
 * {@code listed} names at most a page's worth of schools; {@code notReported} counts them all (so does the CSV).
 */
public record CompletenessView(String periodName, String censusDate, Figure expected, List<StatusCount> byStatus,
        Figure notReported, List<Missing> listed) {

    public record StatusCount(String status, Figure count) {
        public String statusKey() {
            return "status_" + status;
        }
    }

    /** a school that has not reported, with its status in the period (null without a period) */
    public record Missing(Place school, String status) {
        public String statusKey() {
            return "status_" + status;
        }
    }

    public boolean hasPeriod() {
        return periodName != null;
    }
}
