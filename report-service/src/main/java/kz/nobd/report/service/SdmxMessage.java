package kz.nobd.report.service;

import java.util.List;
import java.util.Map;

/**
 * An SDMX-CSV 2.0 data message of dataflow {@value #STRUCTURE_ID} (docs/report.md, "SDMX export"): the header row
 * of {@link #COLUMNS}, then one row per observation. Every cell is a code, a date or a count: nothing is free text.
 */
public record SdmxMessage(List<Map<String, Object>> rows) implements CsvTable {
    public static final String STRUCTURE = "dataflow";
    public static final String STRUCTURE_ID = "NOBD:DF_ENROLMENT(1.0.0)";
    /** Information: data sent to be read (loaded into an SDMX database, it is appended). */
    public static final String ACTION = "I";
    /** The column headers: structure, action, the dimensions in DSD order, the measure, the attribute. */
    public static final List<String> COLUMNS = List.of("STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA", "ISCED11",
            "SEX", "URBANISATION", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS");
    /** OBS_STATUS (SDMX code list CL_OBS_STATUS): a normal value, or a value withheld by small-cell suppression. */
    public static final String NORMAL = "A";
    public static final String SUPPRESSED = "Q";

    @Override
    public List<String> csvColumns() {
        return COLUMNS;
    }

    @Override
    public List<Map<String, Object>> csvRows() {
        return rows;
    }
}
