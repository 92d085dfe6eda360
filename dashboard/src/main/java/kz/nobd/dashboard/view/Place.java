package kz.nobd.dashboard.view;

import com.fasterxml.jackson.databind.JsonNode;

/** A unit of the hierarchy as the API names it: its level, KATO (or a school's BIN) and its Kazakh and Russian names. */
public record Place(Level level, String code, String nameKk, String nameRu) {

    /** the unit of an API row or card: {@code bin} for a school, else {@code kato} */
    public static Place of(Level level, JsonNode row) {
        String code = level == Level.SCHOOL ? row.path("bin").asText() : row.path("kato").asText(null);
        return new Place(level, code, row.path("nameKk").asText(""), row.path("nameRu").asText(""));
    }

    public String name(String language) {
        String name = "ru".equals(language) ? nameRu : nameKk;
        return name == null || name.isBlank() ? (nameRu.isBlank() ? nameKk : nameRu) : name;
    }

    public String href() {
        return level.href(code);
    }
}
