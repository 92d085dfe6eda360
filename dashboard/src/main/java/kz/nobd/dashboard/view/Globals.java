package kz.nobd.dashboard.view;

import java.util.List;

import io.quarkus.qute.TemplateGlobal;

/** Data every template may use. */
@TemplateGlobal
public class Globals {
    /** the card's indicators, in the card's order (the columns of the tables) */
    static List<Indicator> indicators = List.of(Indicator.values());
}
