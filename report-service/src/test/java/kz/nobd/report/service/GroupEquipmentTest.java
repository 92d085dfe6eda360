package kz.nobd.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;
import kz.nobd.report.domain.EquipmentReport;
import kz.nobd.report.domain.EquipmentTally;
import kz.nobd.report.domain.SchoolVersion;

/**
 * Each group's equipment, tallied once, adds up with the students to what a tally school by school gives; it is kept
 * while neither the placement nor the reports change, and tallied again when either does.
 */
class GroupEquipmentTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final String[] DISTRICTS = {"111000000", "112000000", "151000000"};

    private final Random random = new Random(7);
    private final EquipmentStore store = new EquipmentStore();
    private final GroupEquipment groupEquipment = new GroupEquipment();
    private final List<SchoolVersion> schools = schools(400);
    private final SchoolDirectory.Placement placement = SchoolDirectory.Placement.of(schools);
    private final Map<String, Long> students = new HashMap<>();

    GroupEquipmentTest() {
        groupEquipment.equipment = store;
        for (SchoolVersion school : schools) {
            students.put(school.bin(), (long) random.nextInt(900));
            if (random.nextInt(4) > 0) { // a quarter without a report
                store.remember(List.of(report(school.bin(), TODAY.minusDays(random.nextInt(400)))));
            }
        }
    }

    @Test
    void theGroupsAddUpToTheTallyOfEachSchool() {
        GroupEquipment.Tallies tallies = groupEquipment.on(TODAY, placement);

        EquipmentTally byGroups = new EquipmentTally();
        tallies.groups().forEach(devices -> devices.addInto(byGroups, students::get));
        assertThat(byGroups.fields()).isEqualTo(schoolBySchool().fields());
        assertThat(byGroups.schools()).isLessThan(schools.size()); // closed schools are not counted
    }

    @Test
    void aGroupWithoutOpenSchoolsHasNoSample() {
        SchoolVersion closed = school("100000000999", DISTRICTS[0], InstitutionStatus.CLOSED);
        SchoolDirectory.Placement alone = SchoolDirectory.Placement.of(List.of(closed));

        GroupEquipment.Devices devices = groupEquipment.on(TODAY, alone).groups().get(0);

        assertThat(devices.sample()).isNull();
        assertThat(devices.open()).isEmpty();
    }

    @Test
    void keptUntilTheReportsOrThePlacementChange() {
        GroupEquipment.Tallies first = groupEquipment.on(TODAY, placement);
        assertThat(groupEquipment.on(TODAY, placement)).isSameAs(first);

        SchoolVersion open = schools.stream().filter(SchoolVersion::isOpen).findFirst().orElseThrow();
        store.remember(List.of(report(open.bin(), TODAY)));
        GroupEquipment.Tallies afterReport = groupEquipment.on(TODAY, placement);
        assertThat(afterReport).isNotSameAs(first);
        EquipmentTally total = new EquipmentTally();
        afterReport.groups().forEach(devices -> devices.addInto(total, students::get));
        assertThat(total.fields()).isEqualTo(schoolBySchool().fields());

        SchoolDirectory.Placement replaced = SchoolDirectory.Placement.of(schools);
        assertThat(groupEquipment.on(TODAY, replaced)).isNotSameAs(afterReport);
        assertThat(groupEquipment.on(TODAY.minusDays(1), replaced).groups()).hasSameSizeAs(replaced.groups());
    }

    private EquipmentTally schoolBySchool() {
        EquipmentTally tally = new EquipmentTally();
        for (SchoolVersion school : schools) {
            if (school.isOpen()) {
                tally.add(store.currentOn(school.bin(), TODAY), students.get(school.bin()));
            }
        }
        return tally;
    }

    private EquipmentReport report(String bin, LocalDate asOf) {
        List<EquipmentReport.Device> devices = new ArrayList<>();
        for (String kind : EquipmentTally.KINDS) {
            if (random.nextBoolean()) {
                int total = random.nextInt(40);
                devices.add(new EquipmentReport.Device(kind, total, random.nextInt(total + 1), random.nextInt(total + 1)));
            }
        }
        return new EquipmentReport(UUID.randomUUID(), bin, asOf, devices, new EquipmentReport.Internet(
                random.nextBoolean(), BigDecimal.valueOf(random.nextInt(100), 1), "FIBER"), Instant.now());
    }

    private List<SchoolVersion> schools(int n) {
        List<SchoolVersion> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(school(String.valueOf(100_000_000_000L + i), DISTRICTS[random.nextInt(DISTRICTS.length)],
                    random.nextInt(10) == 0 ? InstitutionStatus.CLOSED : InstitutionStatus.OPEN));
        }
        return all;
    }

    private SchoolVersion school(String bin, String district, InstitutionStatus status) {
        InstitutionType[] types = {InstitutionType.SCHOOL, InstitutionType.SMALL_SCHOOL, InstitutionType.COLLEGE};
        return new SchoolVersion(bin, 1, TODAY.minusYears(1), status, types[random.nextInt(types.length)],
                Ownership.STATE, random.nextBoolean() ? Locality.URBAN : Locality.RURAL, district.substring(0, 4) + "33100",
                district.substring(0, 2) + "0000000", district, "мектеп " + bin, "школа " + bin);
    }
}
