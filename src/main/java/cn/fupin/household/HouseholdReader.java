package cn.fupin.household;

import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns a household as JSON into a {@link Household}, or refuses it with every bad field named. Reading
 * the JSON tree ourselves, rather than binding it, is what lets one answer list an unknown code in
 * {@code members[0].health} beside a bad check digit in {@code members[2].idNumber}.
 */
@Component
public class HouseholdReader {

    /** More members than any real household has; a bound so a request cannot grow without limit. */
    public static final int MAX_MEMBERS = 50;
    /** The longest household id. */
    static final int MAX_ID_LENGTH = 64;

    private static final BigDecimal MAX_INCOME = new BigDecimal("100000000");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final Clock clock;

    public HouseholdReader(Clock clock) {
        this.clock = clock;
    }

    public Household read(JsonNode json) {
        FieldErrors errors = new FieldErrors();
        Household household = read(json, errors);
        errors.throwIfAny();
        return household;
    }

    /**
     * Reads a household snapshot recorded with an evaluation: as {@link #read(JsonNode)}, except that its
     * members have no ID number ({@link HouseholdSnapshots}; snapshots recorded before held masked ones).
     */
    public Household readSnapshot(JsonNode json) {
        FieldErrors errors = new FieldErrors();
        Household household = read(json, errors, true);
        errors.throwIfAny();
        return household;
    }

    /** Reads what it can and adds an error for each bad field; the result is null if any field was bad. */
    public Household read(JsonNode json, FieldErrors errors) {
        return read(json, errors, false);
    }

    private Household read(JsonNode json, FieldErrors errors, boolean snapshot) {
        if (json == null || !json.isObject()) {
            errors.add(new FieldError("", "the body must be a JSON object (a household)"));
            return null;
        }
        int errorsBefore = errors.size();
        JsonFieldReader fields = new JsonFieldReader(json, "", errors);
        String householdId = fields.identifier("householdId", MAX_ID_LENGTH);
        String regionCode = fields.text("regionCode", 6);
        if (regionCode != null && !regionCode.matches("\\d{6}")) {
            fields.reject("regionCode", "must be 6 digits (GB/T 2260)");
        }
        HouseholdStatus status = fields.code("status", HouseholdStatus.class);
        BigDecimal income = fields.amount("incomePerCapita", MAX_INCOME);
        HousingGrade housing = fields.code("housingGrade", HousingGrade.class);
        Boolean water = fields.bool("safeDrinkingWater");
        Boolean road = fields.bool("roadAccess");
        Integer projects = fields.integer("industryProjects", 0, 1000);
        Boolean linked = fields.bool("linkedToEnterprise");
        List<Cause> causes = causes(json.get("causes"), fields);
        Boolean hardship = fields.bool("suddenHardship");
        List<Member> members = members(json.get("members"), fields, errors, snapshot);
        if (errors.size() > errorsBefore) {
            return null;
        }
        return new Household(
                householdId,
                regionCode,
                status,
                income,
                housing,
                water,
                road,
                projects,
                linked,
                causes,
                hardship,
                members);
    }

    private List<Cause> causes(JsonNode node, JsonFieldReader fields) {
        if (node == null || node.isNull()) {
            fields.reject("causes", "is required (an empty list when no cause is recorded)");
            return List.of();
        }
        if (!node.isArray()) {
            fields.reject("causes", "must be a list of cause codes");
            return List.of();
        }
        Set<Cause> causes = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            Cause cause = fields.codeOf(node.get(i), "causes[" + i + "]", Cause.class);
            if (cause != null && !causes.add(cause)) {
                fields.reject("causes[" + i + "]", cause + " is listed twice");
            }
        }
        return List.copyOf(causes);
    }

    private List<Member> members(JsonNode node, JsonFieldReader fields, FieldErrors errors, boolean snapshot) {
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            fields.reject("members", "must list at least one member");
            return List.of();
        }
        if (!node.isArray()) {
            fields.reject("members", "must be a list of members");
            return List.of();
        }
        if (node.size() > MAX_MEMBERS) {
            fields.reject("members", "must list at most " + MAX_MEMBERS + " members");
        }
        List<Member> members = new ArrayList<>();
        Map<String, Integer> memberIds = new HashMap<>();
        Map<String, Integer> idNumbers = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "members[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                errors.add(new FieldError(path, "must be a member object"));
                continue;
            }
            Member member = member(new JsonFieldReader(item, path, errors), snapshot);
            if (member == null) {
                continue;
            }
            Integer sameId = memberIds.putIfAbsent(member.memberId(), i);
            if (sameId != null) {
                errors.add(new FieldError(path + ".memberId", "repeats the memberId of members[" + sameId + "]"));
            }
            // A snapshot holds no numbers (or, if recorded earlier, masked ones, which may coincide).
            Integer sameNumber = snapshot ? null : idNumbers.putIfAbsent(member.idNumber(), i);
            if (sameNumber != null) {
                errors.add(new FieldError(path + ".idNumber", "repeats the ID number of members[" + sameNumber + "]"));
            }
            members.add(member);
        }
        return members;
    }

    private Member member(JsonFieldReader fields, boolean snapshot) {
        String memberId = fields.identifier("memberId", 64);
        // A snapshot holds no ID number: the rules never read one.
        String idNumber = snapshot && !fields.has("idNumber") ? null : fields.text("idNumber", 18);
        String name = fields.text("name", 50);
        Relation relation = fields.code("relation", Relation.class);
        Sex sex = fields.code("sex", Sex.class);
        LocalDate birthDate = birthDate(fields);
        Health health = fields.code("health", Health.class);
        Integer disability = fields.integer("disabilityGrade", 0, 4);
        LabourAbility labour = fields.code("labourAbility", LabourAbility.class);
        Boolean employed = fields.bool("employed");
        Boolean seeking = fields.bool("seekingWork");
        Boolean skill = fields.bool("hasSkill");
        Schooling schooling = fields.code("schooling", Schooling.class);
        Boolean insured = fields.bool("medicalInsurance");
        boolean masked = idNumber != null && IdNumbers.isMasked(idNumber);
        if (masked && !snapshot) {
            fields.reject(
                    "idNumber",
                    "is masked: send the full number (a masked number stands only for the number "
                            + "already stored for this memberId)");
            idNumber = null;
        }
        if (idNumber != null && !masked) {
            idNumber = ResidentIdNumber.normalise(idNumber);
            String problem = ResidentIdNumber.problem(idNumber, birthDate, sex).orElse(null);
            if (problem != null) {
                fields.reject("idNumber", problem);
                idNumber = null;
            }
        }
        if (memberId == null
                || (idNumber == null && !snapshot)
                || name == null
                || relation == null
                || sex == null
                || birthDate == null
                || health == null
                || disability == null
                || labour == null
                || employed == null
                || seeking == null
                || skill == null
                || schooling == null
                || insured == null) {
            return null;
        }
        return new Member(
                memberId,
                idNumber,
                name,
                relation,
                sex,
                birthDate,
                health,
                disability,
                labour,
                employed,
                seeking,
                skill,
                schooling,
                insured);
    }

    private LocalDate birthDate(JsonFieldReader fields) {
        LocalDate birthDate = fields.date("birthDate");
        if (birthDate == null) {
            return null;
        }
        if (birthDate.isAfter(LocalDate.now(clock))) {
            fields.reject("birthDate", "must not be in the future");
            return null;
        }
        if (birthDate.isBefore(EARLIEST_BIRTH)) {
            fields.reject("birthDate", "must not be before " + EARLIEST_BIRTH);
            return null;
        }
        return birthDate;
    }
}
