package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class HouseholdApiTests extends ApiTestBase {

    Api.Response put(ObjectNode household, String ifMatch) {
        return api.put("/api/households/" + household.get("householdId").asString(), "caseworker", household, ifMatch);
    }

    @Test
    void aNewHouseholdIsCreatedAndAReplacementBumpsItsVersion() {
        String id = newHouseholdId();
        Api.Response created = put(HouseholdJson.household(id), null);
        assertThat(created.status()).isEqualTo(201);
        String etag = created.headers().firstValue("ETag").orElseThrow();

        ObjectNode changed = HouseholdJson.household(id).put("incomePerCapita", 5100);
        Api.Response replaced = put(changed, etag);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);

        Api.Response read = api.get("/api/households/" + id, "caseworker");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag"))
                .isEqualTo(replaced.headers().firstValue("ETag"));
        JsonNode body = read.json();
        assertThat(body.get("incomePerCapita").decimalValue()).isEqualByComparingTo("5100");
        assertThat(body.get("members")).hasSize(2);
        assertThat(body.get("members").get(1).get("memberId").asString()).isEqualTo(id + "-02");
        assertThat(body.get("causes").get(0).asString()).isEqualTo("ILLNESS");
    }

    /** MariaDB stored NULL for a pre-1970 date sent as a timestamp: the elderly could not be registered. */
    @Test
    void aMemberBornBefore1970IsStoredWithHisBirthDate() {
        String id = newHouseholdId();
        ObjectNode household = HouseholdJson.household(id);
        ((ArrayNode) household.get("members")).set(0, HouseholdJson.member(id + "-01", "1941-06-30", "MALE", 1));
        Api.Response created = put(household, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.get("/api/households/" + id, "caseworker")
                        .json()
                        .get("members")
                        .get(0)
                        .get("birthDate")
                        .asString())
                .isEqualTo("1941-06-30");
    }

    @Test
    void aReplacementBasedOnAStaleVersionIsAConflict() {
        String id = newHouseholdId();
        String first = put(HouseholdJson.household(id), null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        assertThat(put(HouseholdJson.household(id).put("incomePerCapita", 4000), first)
                        .status())
                .isEqualTo(200);
        Api.Response stale = put(HouseholdJson.household(id).put("incomePerCapita", 9000), first);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/households/" + id, "caseworker")
                        .json()
                        .get("incomePerCapita")
                        .decimalValue())
                .isEqualByComparingTo("4000");
    }

    @Test
    void concurrentReplacementsWithTheSameVersionLetExactlyOneThrough() throws Exception {
        String id = newHouseholdId();
        String etag = put(HouseholdJson.household(id), null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> replacements = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int income = 4000 + i;
                replacements.add(() -> put(HouseholdJson.household(id).put("incomePerCapita", income), etag)
                        .status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(replacements)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aMalformedHouseholdIsRefusedAndNothingIsStored() {
        String id = newHouseholdId();
        ObjectNode bad = HouseholdJson.household(id).put("status", "RICH");
        ((ObjectNode) bad.get("members").get(0)).put("birthDate", "1975-01-02");
        Api.Response response = put(bad, null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("status", "members[0].idNumber");
        assertThat(api.get("/api/households/" + id, "caseworker").status()).isEqualTo(404);
    }

    @Test
    void aMalformedReplacementLeavesTheStoredHouseholdAsItWas() {
        String id = newHouseholdId();
        put(HouseholdJson.household(id), null);
        ObjectNode bad = HouseholdJson.household(id).put("incomePerCapita", -1);
        assertThat(put(bad, null).status()).isEqualTo(400);
        JsonNode stored = api.get("/api/households/" + id, "caseworker").json();
        assertThat(stored.get("incomePerCapita").decimalValue()).isEqualByComparingTo("3800");
        assertThat(stored.get("version").asLong()).isZero();
    }

    @Test
    void thePathIdMustEqualTheBodysId() {
        Api.Response response = api.put(
                "/api/households/" + newHouseholdId(), "caseworker", HouseholdJson.household(newHouseholdId()), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("householdId");
    }

    @Test
    void anUnknownHouseholdIsNotFound() {
        Api.Response response = api.get("/api/households/" + newHouseholdId(), "caseworker");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void householdsAreListedByRegionPrefixAndStatusAPageAtATime() {
        String region = "53" + String.format("%04d", (int) (Math.random() * 10000));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = region + "-" + i + "-" + newHouseholdId().substring(7, 15);
            ObjectNode household =
                    HouseholdJson.household(id).put("regionCode", region).put("status", i < 3 ? "POOR" : "LIFTED");
            assertThat(put(household, null).status()).isEqualTo(201);
            ids.add(id);
        }
        JsonNode page = api.get("/api/households?regionCode=" + region + "&status=POOR&page=0&size=2", "caseworker")
                .json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("content")
                        .valueStream()
                        .map(h -> h.get("householdId").asString()))
                .containsExactly(ids.get(0), ids.get(1));
        JsonNode second = api.get(
                        "/api/households?regionCode=" + region.substring(0, 6) + "&status=POOR&page=1&size=2",
                        "caseworker")
                .json();
        assertThat(second.get("content")
                        .valueStream()
                        .map(h -> h.get("householdId").asString()))
                .containsExactly(ids.get(2));
        JsonNode all =
                api.get("/api/households?regionCode=" + region, "caseworker").json();
        assertThat(all.get("totalElements").asLong()).isEqualTo(5);
    }

    @Test
    void badListParametersAreNamed() {
        Api.Response response = api.get("/api/households?regionCode=52a&status=RICH&size=0", "caseworker");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("regionCode", "status", "size");
    }
}
