package kz.nobd.dashboard.view;

import java.util.List;

/**
 * One school: its enrolment by grade and sex, its card next to its district's and oblast's (when the user may read
 * them), the submissions ingest rejected and the students another school also claims (IIN masked by the API).
 */
public record SchoolPage(Place place, List<Place> crumbs, IndicatorCardView card, List<Comparison> comparison,
        Place district, Place oblast, List<GradeRow> enrolment, GradeRow enrolmentTotal, List<Rejection> rejections,
        List<Conflict> conflicts) {

    /** one indicator of the school, its district and its oblast (a dash where the user may not read the unit) */
    public record Comparison(Indicator indicator, Figure school, Figure district, Figure oblast) {
    }

    /** students of one grade: girls, boys, all ({@code grade} null: the school's total) */
    public record GradeRow(String grade, Figure girls, Figure boys, Figure total) {
    }

    public record Rejection(String kind, String reason, String detail, String rejectedAt) {
        /** the moment to the minute, as a reader writes it (2026-12-02 16:29 UTC) */
        public String rejectedAtText() {
            return rejectedAt.length() >= 16 ? rejectedAt.substring(0, 16).replace('T', ' ') + " UTC" : rejectedAt;
        }
    }

    public record Conflict(String iin, String grade, String otherSchoolBin, String date) {
    }
}
