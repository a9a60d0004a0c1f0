package cn.fupin.reevaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.Household;
import cn.fupin.matching.RandomHouseholds;
import cn.fupin.matching.ReferencePolicy;
import cn.fupin.matching.ReferenceStandards;
import cn.fupin.system.Api;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * Households for a re-evaluation test, under a region code of their own, with what the policy (read
 * independently of the rules, {@link ReferencePolicy}) says each must get; and the calls a test makes.
 */
final class ReevaluationFixture {

    /** A measure with its target, as the reference reading names it: "MEASURE" or "MEASURE@memberId". */
    record Diff(Set<String> gained, Set<String> lost) {}

    final Api api;
    final String region;
    final Map<String, Household> households = new LinkedHashMap<>();

    ReevaluationFixture(Api api) {
        this(api, "59" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)));
    }

    ReevaluationFixture(Api api, String region) {
        this.api = api;
        this.region = region;
    }

    /** Registers random, boundary-heavy households under the fixture's region. */
    ReevaluationFixture register(int count, LocalDate asOf) {
        RandomHouseholds random = new RandomHouseholds(region.hashCode());
        for (int n = 0; n < count; n++) {
            Household h = random.next(n, asOf);
            JsonNode body = Api.JSON.readTree(RandomHouseholds.jsonIn(h, region));
            String id = body.get("householdId").asString();
            Api.Response put = api.put("/api/households/" + id, "caseworker", body, null);
            assertThat(put.status()).as(put.body()).isIn(200, 201);
            households.put(id, Api.JSON.treeToValue(body, Household.class));
        }
        return this;
    }

    /** What the policy gives each household with these standards. */
    Map<String, Set<String>> expected(ReferenceStandards standards, LocalDate asOf) {
        Map<String, Set<String>> out = new TreeMap<>();
        households.forEach((id, h) ->
                out.put(id, ReferencePolicy.measures(h, standards.on(h.regionCode(), asOf), asOf)));
        return out;
    }

    /** A case worker accepts a recommendation. */
    void accept(String recommendationId) {
        assertThat(api.patch("/api/recommendations/" + recommendationId, "caseworker", Map.of("status", "ACCEPTED"))
                        .status())
                .isEqualTo(200);
    }

    /** The households' current measures as recorded. */
    Map<String, Set<String>> recorded() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String id : households.keySet()) {
            Set<String> measures = new TreeSet<>();
            api.get("/api/households/" + id + "/recommendations", "caseworker")
                    .json()
                    .valueStream()
                    .forEach(r -> measures.add(target(r)));
            out.put(id, measures);
        }
        return out;
    }

    /** The diff the policy gives between two sets of measures per household: only households that change. */
    static Map<String, Diff> diff(Map<String, Set<String>> before, Map<String, Set<String>> after) {
        Map<String, Diff> out = new TreeMap<>();
        after.forEach((id, now) -> {
            Set<String> was = before.getOrDefault(id, Set.of());
            Set<String> gained = new TreeSet<>(now);
            gained.removeAll(was);
            Set<String> lost = new TreeSet<>(was);
            lost.removeAll(now);
            if (!gained.isEmpty() || !lost.isEmpty()) {
                out.put(id, new Diff(gained, lost));
            }
        });
        return out;
    }

    String start(Map<String, Object> body) {
        Api.Response response = api.post("/api/reevaluations", "policy", body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("reevaluationId").asString();
    }

    JsonNode progress(String id) {
        Api.Response response = api.get("/api/reevaluations/" + id, "policy");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Waits for the run to end, and returns where it ended. */
    JsonNode await(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = progress(id);
            if (!progress.get("state").asString().equals("RUNNING")) {
                return progress;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("re-evaluation " + id + " did not end: " + progress(id));
    }

    /** Every changed household of a run's diff, paging through it, in the reference reading's terms. */
    Map<String, Diff> changes(String id) {
        Map<String, Diff> out = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get("/api/reevaluations/" + id + "/changes?size=7&page=" + page, "policy")
                    .json();
            for (JsonNode h : body.get("content")) {
                out.put(h.get("householdId").asString(), new Diff(targets(h.get("gained")), targets(h.get("lost"))));
            }
            if (page + 1 >= body.get("totalPages").asInt()) {
                return out;
            }
        }
    }

    private static Set<String> targets(JsonNode measures) {
        Set<String> out = new TreeSet<>();
        measures.valueStream().forEach(m -> out.add(target(m)));
        return out;
    }

    static String target(JsonNode measure) {
        JsonNode member = measure.get("memberId");
        return measure.get("measure").asString() + (member == null || member.isNull() ? "" : "@" + member.asString());
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    static List<String> fields(Api.Response problem) {
        List<String> out = new ArrayList<>();
        problem.json()
                .get("errors")
                .valueStream()
                .forEach(e -> out.add(e.get("field").asString()));
        return out;
    }
}
