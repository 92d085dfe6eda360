package kz.nobd.testing.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.events.Device;
import kz.nobd.contracts.events.DeviceKind;
import kz.nobd.contracts.events.EquipmentInputReport;
import kz.nobd.contracts.events.Internet;
import kz.nobd.contracts.events.InternetTechnology;

/**
 * The equipment reports of the two censuses (1 October of the last two years), one per school and census: about
 * 5 % of schools never report (the demo schools always do). Computers for teaching scaled to the school's students
 * (more students per computer in cities than in villages), panels and projectors to its classes, a share to be
 * replaced; rural schools are connected less often, more by mobile, satellite or radio, and slower. The second
 * census is better: more devices, fewer to replace, faster and more connections.
 */
final class EquipmentCensus {
    static final double NOT_REPORTING_SHARE = 0.05;
    private static final int STUDENTS_PER_CLASS = 25;

    private final long seed;

    EquipmentCensus(long seed) {
        this.seed = seed;
    }

    /**
     * The reports of one school, older census first; none for a school that does not report or for a census before it
     * opened. {@code students} are the school's students on each census date (same order).
     */
    List<EquipmentInputReport> reports(SchoolProfile school, List<LocalDate> censuses, List<Integer> students) {
        String bin = school.school().bin();
        Random random = Seeds.random(seed, bin, "equipment");
        if (!DemoSchoolCases.isDemoSchool(bin) && Seeds.chance(random, NOT_REPORTING_SHARE)) {
            return List.of();
        }
        Baseline first = Baseline.draw(random, school.school());
        Random better = Seeds.random(seed, bin, "equipment-improvement");
        Baseline second = first.improved(better);
        List<EquipmentInputReport> reports = new ArrayList<>();
        for (int i = 0; i < censuses.size(); i++) {
            LocalDate asOf = censuses.get(i);
            if (school.school().isOpenOn(asOf)) {
                int count = students.get(i) > 0 ? students.get(i) : school.size();
                reports.add((i == 0 ? first : second).report(Seeds.id(seed, bin, "equipment", asOf), bin, asOf, count));
            }
        }
        return reports;
    }

    /** A school's equipment apart from its size: ratios and the connection. */
    private record Baseline(double studentsPerComputer, double desktopShare, double tabletShare, double panelsPerClass,
            double projectorsPerClass, double teachingShare, double replaceShare, InternetTechnology technology,
            double mbps) {

        static Baseline draw(Random r, School school) {
            boolean rural = school.isRural();
            double spc = school.type() == InstitutionType.SMALL_SCHOOL ? Seeds.between(r, 3, 8)
                    : rural ? Seeds.between(r, 5, 12) : Seeds.between(r, 9, 16);
            double tablets = Seeds.chance(r, 0.4) ? 0 : Seeds.between(r, 0.05, 0.25);
            InternetTechnology technology = technology(r, rural);
            return new Baseline(spc, Seeds.between(r, 0.5, 0.75), tablets, Seeds.between(r, 0.2, 0.8),
                    Seeds.between(r, 0.2, 0.6), Seeds.between(r, 0.8, 1.0), Seeds.between(r, 0.15, 0.4), technology,
                    mbps(r, technology));
        }

        private static InternetTechnology technology(Random r, boolean rural) {
            double draw = r.nextDouble();
            if (!rural) {
                return draw < 0.02 ? InternetTechnology.NONE : draw < 0.8 ? InternetTechnology.FIBER
                        : draw < 0.95 ? InternetTechnology.DSL : InternetTechnology.MOBILE;
            }
            return draw < 0.15 ? InternetTechnology.NONE : draw < 0.4 ? InternetTechnology.FIBER
                    : draw < 0.6 ? InternetTechnology.DSL : draw < 0.8 ? InternetTechnology.MOBILE
                    : draw < 0.95 ? InternetTechnology.SATELLITE : InternetTechnology.RADIO;
        }

        private static double mbps(Random r, InternetTechnology technology) {
            return switch (technology) {
                case FIBER -> Seeds.between(r, 20, 200);
                case DSL -> Seeds.between(r, 2, 16);
                case MOBILE -> Seeds.between(r, 1, 10);
                case SATELLITE -> Seeds.between(r, 1, 4);
                case RADIO -> Seeds.between(r, 2, 6);
                case NONE -> 0;
            };
        }

        /** A year later: a fifth fewer students per computer or so, fewer to replace, faster, some newly connected. */
        Baseline improved(Random r) {
            InternetTechnology tech = technology;
            double speed = mbps * Seeds.between(r, 1.2, 2.0);
            if (tech == InternetTechnology.NONE && Seeds.chance(r, 0.4)) {
                tech = Seeds.chance(r, 0.5) ? InternetTechnology.MOBILE : InternetTechnology.SATELLITE;
                speed = mbps(r, tech);
            } else if (tech == InternetTechnology.DSL && Seeds.chance(r, 0.2)) {
                tech = InternetTechnology.FIBER;
                speed = mbps(r, tech);
            }
            return new Baseline(studentsPerComputer / Seeds.between(r, 1.05, 1.3), desktopShare, tabletShare,
                    panelsPerClass * Seeds.between(r, 1.0, 1.3), projectorsPerClass, teachingShare,
                    replaceShare * Seeds.between(r, 0.5, 0.9), tech, speed);
        }

        EquipmentInputReport report(UUID id, String bin, LocalDate asOf, int students) {
            int computers = Math.max(2, (int) Math.round(students / studentsPerComputer));
            int desktops = (int) Math.round(computers * desktopShare);
            int tablets = (int) Math.round(computers * tabletShare);
            int laptops = Math.max(0, computers - desktops - tablets);
            int classes = Math.max(1, (int) Math.ceil(students / (double) STUDENTS_PER_CLASS));
            List<Device> devices = new ArrayList<>();
            devices.add(device(DeviceKind.DESKTOP, desktops));
            devices.add(device(DeviceKind.LAPTOP, laptops));
            if (tablets > 0) {
                devices.add(device(DeviceKind.TABLET, tablets));
            }
            devices.add(device(DeviceKind.INTERACTIVE_PANEL, (int) Math.round(classes * panelsPerClass)));
            devices.add(device(DeviceKind.PROJECTOR, (int) Math.round(classes * projectorsPerClass)));
            boolean connected = technology != InternetTechnology.NONE;
            BigDecimal speed = connected ? BigDecimal.valueOf(Math.max(0.5, mbps)).setScale(1, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO;
            return new EquipmentInputReport(id, bin, asOf, devices, new Internet(connected, speed, technology), null,
                    null);
        }

        private Device device(DeviceKind kind, int total) {
            int forTeaching = (int) Math.round(total * teachingShare);
            int replace = (int) Math.round(total * replaceShare);
            return new Device(kind, total, Math.min(forTeaching, total), Math.min(replace, total));
        }
    }
}
