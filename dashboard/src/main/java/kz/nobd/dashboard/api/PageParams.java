package kz.nobd.dashboard.api;

import jakarta.ws.rs.BadRequestException;

import kz.nobd.dashboard.view.Indicator;
import kz.nobd.dashboard.view.Level;

/** The few parameters of the pages, checked before any API is called (a bad one: 400 saying what is allowed). */
final class PageParams {
    private PageParams() {
    }

    static String kato(String kato) {
        if (kato == null || !kato.matches("\\d{9}")) {
            throw new BadRequestException("a KATO code is 9 digits");
        }
        return kato;
    }

    static String bin(String bin) {
        if (bin == null || !bin.matches("\\d{12}")) {
            throw new BadRequestException("a BIN is 12 digits");
        }
        return bin;
    }

    static Level level(String level) {
        try {
            return Level.valueOf(level);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadRequestException("level is one of NATIONAL, OBLAST, DISTRICT, SCHOOL");
        }
    }

    static Indicator indicator(String field) {
        if (field == null || field.isBlank()) {
            return Indicator.DEFAULT;
        }
        return Indicator.byField(field).orElseThrow(() -> new BadRequestException(
                "indicator is one of students, schools, studentsPerComputer, connectedShare, broadbandShare, needsReplacementShare"));
    }
}
