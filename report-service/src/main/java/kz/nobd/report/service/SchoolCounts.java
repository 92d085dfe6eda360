package kz.nobd.report.service;

/** Receives the counts of one school on a date, schools in BIN order (see {@link EnrolmentCounts#inBinOrder}). */
@FunctionalInterface
public interface SchoolCounts {
    /**
     * @param cells the school's 156 (grade, sex, language) cells; a dimension not asked for is summed into its
     *        first value (project the cells to read them). The array is reused once this returns.
     */
    void school(String schoolBin, long[] cells);
}
