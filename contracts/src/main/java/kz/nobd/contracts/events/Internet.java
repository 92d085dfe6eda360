package kz.nobd.contracts.events;

import java.math.BigDecimal;

/** A school's internet connection; {@code downloadMbps} 0 and {@code technology} NONE exactly when not connected. */
public record Internet(boolean connected, BigDecimal downloadMbps, InternetTechnology technology) {
}
