package kz.nobd.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;
import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.CellProjection;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.SchoolVersion;

/**
 * Today's groups of schools (one district, locality, type and ownership) hold the sums of their schools' counts, at
 * first and after any deltas, and only the schools placed today count.
 */
class DistrictSumsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final CellProjection ALL = CellProjection.of(EnumSet.of(Dimension.GRADE, Dimension.SEX,
            Dimension.LANGUAGE));
    private static final String[] DISTRICTS = {"111000000", "112000000", "151000000"};

    @Test
    void eachGroupSumsItsSchoolsAtFirstAndAfterDeltas() {
        Random random = new Random(11);
        List<SchoolVersion> schools = schools(300, random);
        SchoolCells today = SchoolCells.dense();
        for (int i = 0; i < 5_000; i++) {
            today.add(schools.get(random.nextInt(schools.size())).bin(), random.nextInt(Cell.COUNT), 1 + random.nextInt(3));
        }
        SchoolDirectory.Placement placement = SchoolDirectory.Placement.of(schools);
        DistrictSums sums = DistrictSums.of(TODAY, placement, today);
        assertThat(sums.groups()).hasSizeLessThan(schools.size());
        assertSumsOfSchools(sums, schools, today);

        for (int i = 0; i < 2_000; i++) {
            String bin = schools.get(random.nextInt(schools.size())).bin();
            int cell = random.nextInt(Cell.COUNT);
            int delta = random.nextInt(5) - 2;
            today.add(bin, cell, delta); // as the cube applies a committed batch: to both
            sums.add(bin, cell, delta);
        }
        assertSumsOfSchools(sums, schools, today);
    }

    @Test
    void aSchoolNotPlacedTodayCountsInNoGroup() {
        SchoolVersion placed = school("100000000001", DISTRICTS[0], Locality.URBAN, InstitutionType.SCHOOL);
        SchoolCells today = SchoolCells.dense();
        today.add(placed.bin(), 3, 10);
        today.add("100000000002", 3, 99);
        DistrictSums sums = DistrictSums.of(TODAY, SchoolDirectory.Placement.of(List.of(placed)), today);

        sums.add("100000000002", 3, 5);

        assertThat(sums.groups()).singleElement().satisfies(group -> {
            assertThat(group.schools()).isEqualTo(1);
            assertThat(group.cells()[3]).isEqualTo(10);
        });
    }

    @Test
    void sumsBelongToTheirDayAndPlacement() {
        SchoolDirectory.Placement placement = SchoolDirectory.Placement.of(List.of(
                school("100000000001", DISTRICTS[0], Locality.URBAN, InstitutionType.SCHOOL)));
        DistrictSums sums = DistrictSums.of(TODAY, placement, SchoolCells.dense());

        assertThat(sums.sums(TODAY, placement)).isTrue();
        assertThat(sums.sums(TODAY.plusDays(1), placement)).isFalse();
        assertThat(sums.sums(TODAY, SchoolDirectory.Placement.of(placement.all()))).isFalse(); // a new placement
    }

    private static void assertSumsOfSchools(DistrictSums sums, List<SchoolVersion> schools, SchoolCells today) {
        Map<List<Object>, long[]> expected = new HashMap<>();
        Map<List<Object>, Integer> counted = new HashMap<>();
        for (SchoolVersion school : schools) {
            List<Object> key = groupOf(school);
            today.addTo(school.bin(), ALL, expected.computeIfAbsent(key, k -> new long[Cell.COUNT]));
            counted.merge(key, 1, Integer::sum);
        }
        assertThat(sums.groups()).hasSize(expected.size());
        for (DistrictSums.Group group : sums.groups()) {
            List<Object> key = groupOf(group.sample());
            assertThat(group.cells()).as("group %s", key).isEqualTo(expected.get(key));
            assertThat(group.schools()).as("schools of %s", key).isEqualTo(counted.get(key));
        }
    }

    private static List<Object> groupOf(SchoolVersion school) {
        return List.of(school.oblastKato(), school.districtKato(), school.locality(), school.type(), school.ownership());
    }

    private static List<SchoolVersion> schools(int n, Random random) {
        List<SchoolVersion> schools = new ArrayList<>();
        InstitutionType[] types = {InstitutionType.SCHOOL, InstitutionType.SMALL_SCHOOL, InstitutionType.COLLEGE};
        for (int i = 0; i < n; i++) {
            schools.add(school(String.valueOf(100_000_000_000L + i), DISTRICTS[random.nextInt(DISTRICTS.length)],
                    random.nextBoolean() ? Locality.URBAN : Locality.RURAL, types[random.nextInt(types.length)]));
        }
        return schools;
    }

    private static SchoolVersion school(String bin, String district, Locality locality, InstitutionType type) {
        String oblast = district.substring(0, 2) + "0000000";
        return new SchoolVersion(bin, 1, TODAY.minusYears(1), InstitutionStatus.OPEN, type, Ownership.STATE, locality,
                district.substring(0, 4) + "33100", oblast, district, "мектеп " + bin, "школа " + bin);
    }
}
