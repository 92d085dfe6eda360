package db.migration;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Seeds {@code territory} from the KATO classifier shipped in {@code kato/kato.csv} (see kato/ATTRIBUTION.md).
 * A code's parent is the nearest existing code among its zeroed prefixes (a zeroed parent does not always
 * exist); its district is the nearest DISTRICT ancestor, or in the three cities, which have no district rows,
 * the city district (a SUB_DISTRICT directly under the city).
 */
public class V2__SeedKatoTerritories extends BaseJavaMigration {

    private static final int[] PREFIX_LENGTHS = {6, 4, 2};
    private static final List<String> LEVEL_ORDER = List.of("OBLAST", "DISTRICT", "SUB_DISTRICT", "SETTLEMENT");

    record Row(String kato, String version, String level, int typeCode, String nameRu, String nameKk) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Map<String, Row> rows = read();
        List<Row> ordered = new ArrayList<>(rows.values());
        ordered.sort(Comparator.comparingInt((Row r) -> LEVEL_ORDER.indexOf(r.level())).thenComparing(Row::kato));
        String sql = "insert into territory (kato, level, type_code, name_kk, name_ru, parent_kato, oblast_kato,"
                + " district_kato, kato_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = context.getConnection().prepareStatement(sql)) {
            int pending = 0;
            for (Row row : ordered) {
                insert.setString(1, row.kato());
                insert.setString(2, row.level());
                insert.setInt(3, row.typeCode());
                insert.setString(4, row.nameKk());
                insert.setString(5, row.nameRu());
                insert.setString(6, parentOf(row, rows));
                insert.setString(7, row.kato().substring(0, 2) + "0000000");
                insert.setString(8, districtOf(row, rows));
                insert.setString(9, row.version());
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
    }

    static String parentOf(Row row, Map<String, Row> rows) {
        if (row.level().equals("OBLAST")) {
            return null;
        }
        for (int length : PREFIX_LENGTHS) {
            String candidate = row.kato().substring(0, length) + "0".repeat(9 - length);
            if (!candidate.equals(row.kato()) && rows.containsKey(candidate)
                    && LEVEL_ORDER.indexOf(rows.get(candidate).level()) < LEVEL_ORDER.indexOf(row.level())) {
                return candidate;
            }
        }
        throw new IllegalStateException("KATO " + row.kato() + " has no ancestor in the classifier");
    }

    static String districtOf(Row row, Map<String, Row> rows) {
        String topSubDistrict = null;
        for (Row current = row; current != null; ) {
            if (current.level().equals("DISTRICT")) {
                return current.kato();
            }
            if (current.level().equals("SUB_DISTRICT")) {
                topSubDistrict = current.kato();
            }
            String parent = parentOf(current, rows);
            current = parent == null ? null : rows.get(parent);
        }
        return topSubDistrict;
    }

    static Map<String, Row> read() throws Exception {
        Map<String, Row> rows = new HashMap<>();
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        try (var in = V2__SeedKatoTerritories.class.getResourceAsStream("/kato/kato.csv");
             MappingIterator<String[]> lines = mapper.readerFor(String[].class).readValues(in)) {
            lines.next(); // header: kato,kato_version,level,type_code,name_ru,name_kk
            while (lines.hasNext()) {
                String[] c = lines.next();
                rows.put(c[0], new Row(c[0], c[1], c[2].toUpperCase(), Integer.parseInt(c[3]), c[4].trim(), c[5].trim()));
            }
        }
        return rows;
    }
}
