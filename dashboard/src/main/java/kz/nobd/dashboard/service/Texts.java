package kz.nobd.dashboard.service;

import java.util.Locale;

/** The language of one page: its code (kk, ru) for the templates and names, its locale for numbers. */
public record Texts(String language) {

    public Locale locale() {
        return Languages.locale(language);
    }

    /** the unit of an urban/rural gap of two shares */
    public String pointsUnit() {
        return "ru".equals(language) ? "п.п." : "пайыздық тармақ";
    }
}
