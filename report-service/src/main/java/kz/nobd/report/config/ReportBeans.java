package kz.nobd.report.config;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Beans built from configuration. */
public class ReportBeans {
    /** "Today" (the default as-of date) is the date in Almaty. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Almaty"));
    }
}
