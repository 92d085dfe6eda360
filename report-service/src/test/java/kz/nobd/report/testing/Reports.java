package kz.nobd.report.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.nobd.testing.Callers;

/** Reading report-service's REST API in tests. */
public final class Reports {
    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private Reports() {
    }

    public static LocalDate today() {
        return LocalDate.now(ALMATY);
    }

    /** Waits until the service has caught up with every topic (readiness). */
    public static void awaitReady() {
        await().atMost(Duration.ofSeconds(120)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    public static Response get(String caller, String path, Map<String, ?> params) {
        return Callers.as(caller).queryParams(params).get(path);
    }

    /** Every row of a rollup (all pages) as {@code caller}; fails unless each page is a 200. */
    public static List<Map<String, Object>> rows(String caller, String path, Map<String, ?> params) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 0;; page++) {
            Map<String, Object> all = new java.util.HashMap<>(params);
            all.put("page", page);
            all.put("size", 500);
            Response response = get(caller, path, all);
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " " + params + " answered " + response.statusCode() + ": "
                        + response.asString());
            }
            JsonPath json = response.jsonPath();
            List<Map<String, Object>> pageRows = json.getList("rows");
            rows.addAll(pageRows);
            if ((long) (page + 1) * 500 >= json.getLong("total")) {
                return rows;
            }
        }
    }
}
