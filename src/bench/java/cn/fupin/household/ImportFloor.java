package cn.fupin.household;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The physical floor of an import on this machine: plain JDBC storing the same rows as the import, with no
 * validation, no encryption of ID numbers, no audit rows and no Spring. It reads the same file line by line and
 * inserts each household and its members into copies of the two tables, 500 households a transaction with
 * batched statements (rewritten into multi-row inserts), as the import does.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=cn.fupin.household.ImportFloor \
 *     -Dbench.args="province.ndjson jdbc:mysql://127.0.0.1:3306/fupin_bench?rewriteBatchedStatements=true root"</pre>
 */
public final class ImportFloor {

    private static final int CHUNK = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportFloor() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String url = args[1];
        String user = args.length > 2 ? args[2] : "root";
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS floor_household_member");
                s.execute("DROP TABLE IF EXISTS floor_household");
                s.execute("CREATE TABLE floor_household LIKE household");
                s.execute("CREATE TABLE floor_household_member LIKE household_member");
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            long households = 0;
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    PreparedStatement household = c.prepareStatement("""
                         INSERT INTO floor_household (household_id, region_code, status, income_per_capita, housing_grade,
                                safe_drinking_water, road_access, industry_projects, linked_to_enterprise, causes,
                                primary_cause, sudden_hardship, people, version, updated_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""");
                    PreparedStatement member = c.prepareStatement("""
                         INSERT INTO floor_household_member (household_id, position, member_id, id_number_cipher,
                                id_number_hmac, name, relation, sex, birth_date, health, disability_grade, labour_ability,
                                employed, seeking_work, has_skill, schooling, medical_insurance)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                Timestamp now = Timestamp.from(Instant.now());
                int inChunk = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode h = JSON.readTree(line);
                    if (ExportEnd.is(h)) {
                        continue; // the end line counts the households; it is none of them
                    }
                    String id = h.get("householdId").asString();
                    household.setString(1, id);
                    household.setString(2, h.get("regionCode").asString());
                    household.setString(3, h.get("status").asString());
                    household.setBigDecimal(4, h.get("incomePerCapita").decimalValue());
                    household.setString(5, h.get("housingGrade").asString());
                    household.setBoolean(6, h.get("safeDrinkingWater").asBoolean());
                    household.setBoolean(7, h.get("roadAccess").asBoolean());
                    household.setInt(8, h.get("industryProjects").asInt());
                    household.setBoolean(9, h.get("linkedToEnterprise").asBoolean());
                    StringBuilder causes = new StringBuilder();
                    for (JsonNode cause : h.get("causes")) {
                        causes.append(causes.isEmpty() ? "" : ",").append(cause.asString());
                    }
                    household.setString(10, causes.toString());
                    household.setString(
                            11,
                            h.get("causes").isEmpty()
                                    ? null
                                    : h.get("causes").get(0).asString());
                    household.setBoolean(12, h.get("suddenHardship").asBoolean());
                    household.setInt(13, h.get("members").size());
                    household.setTimestamp(14, now);
                    household.addBatch();
                    int position = 0;
                    for (JsonNode m : h.get("members")) {
                        member.setString(1, id);
                        member.setInt(2, position++);
                        member.setString(3, m.get("memberId").asString());
                        member.setString(4, m.get("idNumber").asString());
                        member.setString(5, m.get("idNumber").asString());
                        member.setString(6, m.get("name").asString());
                        member.setString(7, m.get("relation").asString());
                        member.setString(8, m.get("sex").asString());
                        member.setDate(9, Date.valueOf(m.get("birthDate").asString()));
                        member.setString(10, m.get("health").asString());
                        member.setInt(11, m.get("disabilityGrade").asInt());
                        member.setString(12, m.get("labourAbility").asString());
                        member.setBoolean(13, m.get("employed").asBoolean());
                        member.setBoolean(14, m.get("seekingWork").asBoolean());
                        member.setBoolean(15, m.get("hasSkill").asBoolean());
                        member.setString(16, m.get("schooling").asString());
                        member.setBoolean(17, m.get("medicalInsurance").asBoolean());
                        member.addBatch();
                    }
                    households++;
                    if (++inChunk == CHUNK) {
                        household.executeBatch();
                        member.executeBatch();
                        c.commit();
                        inChunk = 0;
                    }
                }
                household.executeBatch();
                member.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("floor: %,d households in %.1f s (%,.0f/s)%n", households, seconds, households / seconds);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE floor_household_member");
                s.execute("DROP TABLE floor_household");
            }
        }
    }
}
