package cn.fupin.quality;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.synthetic.PlantedErrors;
import cn.fupin.household.synthetic.ProvinceGenerator;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import cn.fupin.system.IdNumberFormat;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generator's planted errors against the quality run: a generated province with four errors of each kind,
 * imported and checked by a quality-only run, gives exactly the planted findings, and nothing on the records
 * generated clean. The province is moved from 52 to 65, where no other test registers anyone, ID numbers
 * included (their check characters recomputed), so that the registry-wide check sees only this province.
 */
class PlantedErrorsTests extends ApiTestBase {

    private static final String FROM = "52";
    private static final String TO = "65";

    @Test
    void everyPlantedErrorIsFoundAndNothingElse() {
        StringWriter file = new StringWriter();
        ProvinceGenerator.Summary summary = new ProvinceGenerator(29, 4).generate(3_000, file);
        StringBuilder moved = new StringBuilder();
        file.toString()
                .lines()
                .forEach(line ->
                        moved.append(move(Api.JSON.readTree(line)).toString()).append('\n'));
        Set<String> planted = summary.planted().stream()
                .map(p -> p.code() + "|" + TO + p.householdId().substring(2) + "|"
                        + (p.memberId() == null ? "" : TO + p.memberId().substring(2)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(summary.planted().stream().map(PlantedErrors.Planted::code).distinct())
                .hasSize(10);

        Api.Response imported = api.postNdjson("/api/households/import", "caseworker", moved.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("rejected").asLong()).as(imported.body()).isZero();
        assertThat(imported.json().get("stored").asLong()).isEqualTo(summary.households());

        JsonNode run = api.completedRun(Map.of("qualityOnly", true, "regionCode", TO, "asOf", "2020-06-30"));
        assertThat(run.get("processed").asLong()).isEqualTo(summary.households());

        assertThat(found()).isEqualTo(planted);

        Map<String, Long> expected = new TreeMap<>();
        planted.forEach(p -> expected.merge(p.substring(0, p.indexOf('|')), 1L, Long::sum));
        Map<String, Long> counted = new TreeMap<>();
        api.get("/api/reports/quality?regionCode=" + TO, "caseworker")
                .json()
                .get("byCode")
                .forEach(c ->
                        counted.put(c.get("code").asString(), c.get("findings").asLong()));
        assertThat(counted).isEqualTo(expected);

        // A real run decides the measures and checks the records in one pass of the engine: the same findings.
        JsonNode real = api.completedRun(Map.of("regionCode", TO, "asOf", "2020-06-30"));
        assertThat(real.get("processed").asLong()).isEqualTo(summary.households());
        assertThat(real.get("findings").asLong()).isEqualTo(run.get("findings").asLong());
        assertThat(found()).isEqualTo(planted);
    }

    /** Every finding the quality report lists under the province, as code|household|member. */
    private Set<String> found() {
        Set<String> found = new TreeSet<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get(
                            "/api/reports/quality/findings?regionCode=" + TO + "&size=100&page=" + page, "caseworker")
                    .json();
            body.get("content")
                    .forEach(f -> found.add(f.get("code").asString() + "|"
                            + f.get("householdId").asString() + "|"
                            + (f.get("memberId").isNull()
                                    ? ""
                                    : f.get("memberId").asString())));
            if (page + 1 >= body.get("totalPages").asInt()) {
                break;
            }
        }
        return found;
    }

    /** The household under province 65 instead of 52: ids, region and ID numbers. */
    private static JsonNode move(JsonNode household) {
        ObjectNode h = (ObjectNode) household;
        h.put("householdId", TO + h.get("householdId").asString().substring(2));
        h.put("regionCode", TO + h.get("regionCode").asString().substring(2));
        for (JsonNode m : h.get("members")) {
            ObjectNode member = (ObjectNode) m;
            member.put("memberId", TO + member.get("memberId").asString().substring(2));
            String id = member.get("idNumber").asString();
            assertThat(id).startsWith(FROM);
            String first17 = TO + id.substring(2, 17);
            member.put("idNumber", first17 + IdNumberFormat.checkChar(first17));
        }
        return h;
    }
}
