package kz.nobd.registry.api;

import static kz.nobd.testing.Callers.as;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The filters, order and paging of GET /territories on the KATO file the registry ships: Astana has no district
 * rows, its six city districts play the district's part and are the direct children of the city.
 */
@QuarkusTest
class TerritoryListTest {
    private static final String ASTANA = "710000000";

    @Test
    void theWholeClassifierIsListedByCode() {
        as(MINISTRY).queryParam("size", 3).get("/api/v1/territories").then().statusCode(200)
                .body("total", equalTo(15594)).body("page", equalTo(0)).body("size", equalTo(3))
                .body("items.kato", contains("100000000", "101000000", "101010000"));
    }

    @Test
    void theDistrictsOfACityAreItsCityDistricts() {
        as(SCHOOL_AKMOLA).queryParam("level", "DISTRICT").queryParam("parent", ASTANA).get("/api/v1/territories")
                .then().statusCode(200).body("total", equalTo(6))
                .body("items.kato", contains("711110000", "711210000", "711310000", "711410000", "711510000",
                        "711610000"))
                .body("items.level", everyItem(equalTo("SUB_DISTRICT")))
                .body("items.districtKato", contains("711110000", "711210000", "711310000", "711410000", "711510000",
                        "711610000"))
                .body("items.oblastKato", everyItem(equalTo(ASTANA)));
    }

    @Test
    void childrenArePagedInCodeOrderWithTheirTotal() {
        as(MINISTRY).queryParam("parent", ASTANA).queryParam("page", 1).queryParam("size", 4)
                .get("/api/v1/territories").then().statusCode(200)
                .body("total", equalTo(6)).body("page", equalTo(1)).body("size", equalTo(4))
                .body("items.kato", contains("711510000", "711610000"))
                .body("items.parentKato", everyItem(equalTo(ASTANA)));
    }

    @Test
    void aLevelWithAParentNarrowsToBoth() {
        as(MINISTRY).queryParam("level", "SETTLEMENT").queryParam("parent", ASTANA).get("/api/v1/territories")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
    }
}
