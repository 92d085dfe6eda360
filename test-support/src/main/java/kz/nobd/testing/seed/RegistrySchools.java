package kz.nobd.testing.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionType;

/**
 * The schools the demo activity reports for, read from registry-service as any client would: every OPEN
 * institution of the general-education types (SCHOOL, SMALL_SCHOOL, BOARDING: the ones enrolment v1 covers), page
 * by page ({@code GET /api/v1/institutions?status=OPEN&type=...}).
 */
final class RegistrySchools {
    static final List<InstitutionType> GENERAL_EDUCATION =
            List.of(InstitutionType.SCHOOL, InstitutionType.SMALL_SCHOOL, InstitutionType.BOARDING);
    private static final int PAGE_SIZE = 500;

    private RegistrySchools() {
    }

    /** Every open general-education school, in BIN order. */
    static List<School> read(ApiClient api, String registryUrl) {
        List<School> schools = new ArrayList<>();
        for (InstitutionType type : GENERAL_EDUCATION) {
            for (int page = 0; ; page++) {
                String url = registryUrl + "/api/v1/institutions?status=OPEN&type=" + type + "&page=" + page
                        + "&size=" + PAGE_SIZE;
                JsonNode answer = api.get(url).expect(200, "GET " + url);
                for (JsonNode item : answer.path("items")) {
                    schools.add(School.of(card(item)));
                }
                if ((long) (page + 1) * PAGE_SIZE >= answer.path("total").asLong()) {
                    break;
                }
            }
        }
        schools.sort(Comparator.comparing(School::bin));
        return schools;
    }

    private static InstitutionCard card(JsonNode item) {
        try {
            return ApiClient.JSON.treeToValue(item, InstitutionCard.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not an institution card: " + item, e);
        }
    }
}
