package kz.nobd.testing;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates as the services see them: "today" is the date in Asia/Almaty (docs/decisions.md), not the machine's. */
public final class Dates {
    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private Dates() {
    }

    public static LocalDate today() {
        return LocalDate.now(ALMATY);
    }
}
