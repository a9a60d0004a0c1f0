package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.ApiTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The causes report counts people by their household's primary and secondary causes. */
class CauseReportTests extends ApiTestBase {

    @Test
    void peopleAreCountedByPrimaryAndSecondaryCauseWithSharesAndEveryCodeListed() {
        String region = "55" + String.format("%04d", (int) (Math.random() * 10000));
        StringBuilder file = new StringBuilder();
        // Three POOR households of two people: ILLNESS (twice, once with LACK_OF_MOTIVATION) and DISABILITY;
        // one LIFTED household, which a POOR report does not count.
        String[][] causes = {{"ILLNESS"}, {"ILLNESS", "LACK_OF_MOTIVATION"}, {"DISABILITY"}, {"ILLNESS"}};
        for (int i = 0; i < causes.length; i++) {
            ObjectNode h = HouseholdJson.household(
                            region + "-C" + i + UUID.randomUUID().toString().substring(0, 4))
                    .put("regionCode", region)
                    .put("status", i == 3 ? "LIFTED" : "POOR");
            var list = h.putArray("causes");
            for (String cause : causes[i]) {
                list.add(cause);
            }
            file.append(HouseholdJson.JSON.writeValueAsString(h)).append('\n');
        }
        assertThat(api.postNdjson("/api/households/import", "caseworker", file.toString())
                        .json()
                        .get("stored")
                        .asLong())
                .isEqualTo(4);

        JsonNode report = api.get("/api/reports/causes?regionCode=" + region, "caseworker")
                .json();
        assertThat(report.get("status").asString()).isEqualTo("POOR");
        assertThat(report.get("totalPeople").asLong()).isEqualTo(6);
        assertThat(report.get("primary")).hasSize(10);
        assertThat(report.get("primary").get(0).get("cause").asString()).isEqualTo("ILLNESS");
        assertThat(report.get("primary").get(0).get("people").asLong()).isEqualTo(4);
        assertThat(report.get("primary").get(0).get("share").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(report.get("primary").get(1).get("people").asLong()).isEqualTo(2);
        assertThat(report.get("primary").get(2).get("people").asLong()).isZero();
        JsonNode motivation = report.get("secondary")
                .valueStream()
                .filter(c -> c.get("cause").asString().equals("LACK_OF_MOTIVATION"))
                .findFirst()
                .orElseThrow();
        assertThat(motivation.get("people").asLong()).isEqualTo(2);

        JsonNode lifted = api.get("/api/reports/causes?regionCode=" + region + "&status=LIFTED", "caseworker")
                .json();
        assertThat(lifted.get("totalPeople").asLong()).isEqualTo(2);
        assertThat(api.get("/api/reports/causes?status=RICH", "caseworker").status())
                .isEqualTo(400);
    }
}
