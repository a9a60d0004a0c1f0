package cn.fupin.household.synthetic;

import cn.fupin.household.Household;
import cn.fupin.household.HouseholdStatus;
import cn.fupin.household.LabourAbility;
import cn.fupin.household.Member;
import cn.fupin.household.Relation;
import cn.fupin.household.Schooling;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * {@code generate --plant-errors N}: N records of each kind of error the quality rules look for, planted in
 * otherwise clean households as they are written, one error per household, and listed in a manifest (code,
 * household, member) so that a quality run can be checked against it: every planted error found, nothing
 * found elsewhere. Each kind is made so that it trips exactly its own check on the generator's date
 * (2020-06-30), and no other.
 */
public final class PlantedErrors {

    /** A planted error: its finding code, the household, the member (null for the household as a whole). */
    public record Planted(String code, String householdId, String memberId) {}

    enum Kind {
        EXIT_NOT_ACCURATE,
        IDENTIFICATION_NOT_ACCURATE,
        POOR_CAUSE_MISSING,
        HEAD_MISSING,
        HEAD_NOT_UNIQUE,
        SCHOOLING_AGE_MISMATCH,
        MINOR_EMPLOYED,
        LABOUR_ABILITY_AGE_MISMATCH,
        EMPLOYED_AND_SEEKING_WORK,
        PERSON_IN_SEVERAL_HOUSEHOLDS
    }

    private final int perKind;
    private final Random random;
    private final Map<Kind, Integer> planted = new EnumMap<>(Kind.class);
    private final List<Planted> manifest = new ArrayList<>();
    /** A member of the last household written clean: the person copied into another household. */
    private Household donor;

    private int next;

    PlantedErrors(int perKind, long seed) {
        this.perKind = perKind;
        this.random = new Random(seed ^ 0x5DEECE66DL); // its own draws: the clean records stay as without planting
        for (Kind kind : Kind.values()) {
            planted.put(kind, 0);
        }
    }

    /** The household as written: with one planted error, or as it came. */
    Household plant(Household household) {
        // POOR households are few: they go to the kinds only they can carry first.
        if (household.status() == HouseholdStatus.POOR) {
            for (Kind kind : List.of(Kind.IDENTIFICATION_NOT_ACCURATE, Kind.POOR_CAUSE_MISSING)) {
                if (planted.get(kind) < perKind) {
                    planted.merge(kind, 1, Integer::sum);
                    return plant(kind, household);
                }
            }
        }
        Kind[] kinds = Kind.values();
        for (int i = 0; i < kinds.length; i++) {
            Kind kind = kinds[(next + i) % kinds.length];
            if (planted.get(kind) < perKind) {
                Household changed = plant(kind, household);
                if (changed != null) {
                    planted.merge(kind, 1, Integer::sum);
                    next = (next + i + 1) % kinds.length; // take turns, so every kind is spread over the province
                    return changed;
                }
            }
        }
        donor = household;
        return household;
    }

    List<Planted> manifest() {
        return List.copyOf(manifest);
    }

    /** @throws IllegalStateException if the province had too few households of some kind for N of each */
    void checkComplete() {
        planted.forEach((kind, count) -> {
            if (count < perKind) {
                throw new IllegalStateException("only " + count + " of " + perKind + " " + kind
                        + " errors could be planted: generate more people or plant fewer errors");
            }
        });
    }

    /** The household with this kind of error, or null if it cannot carry it. */
    private Household plant(Kind kind, Household h) {
        List<Member> members = h.members();
        return switch (kind) {
            case EXIT_NOT_ACCURATE ->
                h.status() != HouseholdStatus.LIFTED
                        ? null
                        : household(h, kind, null, income(h, 2000 + random.nextInt(1500)));
            case IDENTIFICATION_NOT_ACCURATE ->
                h.status() != HouseholdStatus.POOR || h.causes().isEmpty()
                        ? null
                        : household(h, kind, null, income(h, 13000 + random.nextInt(2000)));
            case POOR_CAUSE_MISSING ->
                h.status() != HouseholdStatus.POOR ? null : household(h, kind, null, withCauses(h));
            case HEAD_MISSING -> household(h, kind, null, member(h, head(members), m -> with(m, Relation.OTHER)));
            case HEAD_NOT_UNIQUE ->
                members.size() < 2
                        ? null
                        : household(h, kind, null, member(h, head(members) == 0 ? 1 : 0, m -> with(m, Relation.HEAD)));
            // The head is 25 or older: compulsory schooling cannot be right at that age.
            case SCHOOLING_AGE_MISMATCH ->
                on(
                        h,
                        kind,
                        head(members),
                        m -> copy(
                                m,
                                m.relation(),
                                m.labourAbility(),
                                m.employed(),
                                m.seekingWork(),
                                Schooling.COMPULSORY));
            case MINOR_EMPLOYED ->
                on(h, kind, child(members), m -> copy(m, m.relation(), m.labourAbility(), true, false, m.schooling()));
            case LABOUR_ABILITY_AGE_MISMATCH ->
                on(
                        h,
                        kind,
                        child(members),
                        m -> copy(m, m.relation(), LabourAbility.NORMAL, false, false, m.schooling()));
            case EMPLOYED_AND_SEEKING_WORK ->
                on(h, kind, head(members), m -> copy(m, m.relation(), m.labourAbility(), true, true, m.schooling()));
            case PERSON_IN_SEVERAL_HOUSEHOLDS -> duplicate(h);
        };
    }

    /** The same person (ID number, name, birth) also registered in this household, as OTHER. */
    private Household duplicate(Household h) {
        if (donor == null) {
            return null;
        }
        Member person = donor.members().get(donor.members().size() - 1);
        String memberId =
                h.householdId() + "-" + String.format("%02d", h.members().size() + 1);
        Member copy = new Member(
                memberId,
                person.idNumber(),
                person.name(),
                Relation.OTHER,
                person.sex(),
                person.birthDate(),
                person.health(),
                person.disabilityGrade(),
                person.labourAbility(),
                person.employed(),
                person.seekingWork(),
                person.hasSkill(),
                person.schooling(),
                person.medicalInsurance());
        List<Member> members = new ArrayList<>(h.members());
        members.add(copy);
        manifest.add(new Planted(Kind.PERSON_IN_SEVERAL_HOUSEHOLDS.name(), donor.householdId(), person.memberId()));
        manifest.add(new Planted(Kind.PERSON_IN_SEVERAL_HOUSEHOLDS.name(), h.householdId(), memberId));
        donor = null; // each person is copied once
        return h.withMembers(members);
    }

    /** The head's place: every generated household has one head, aged 25 to 74. */
    private static int head(List<Member> members) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).relation() == Relation.HEAD) {
                return i;
            }
        }
        throw new IllegalStateException("a generated household without a head");
    }

    /** The first member under 16 on the generator's date, or -1. */
    private static int child(List<Member> members) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).ageOn(ProvinceGenerator.AGES_ON) < 16) {
                return i;
            }
        }
        return -1;
    }

    private Household on(Household h, Kind kind, int index, UnaryOperator<Member> change) {
        if (index < 0) {
            return null;
        }
        manifest.add(
                new Planted(kind.name(), h.householdId(), h.members().get(index).memberId()));
        return member(h, index, change);
    }

    private Household household(Household h, Kind kind, String memberId, Household changed) {
        manifest.add(new Planted(kind.name(), h.householdId(), memberId));
        return changed;
    }

    private static Household member(Household h, int index, UnaryOperator<Member> change) {
        List<Member> members = new ArrayList<>(h.members());
        members.set(index, change.apply(members.get(index)));
        return h.withMembers(members);
    }

    private static Member with(Member m, Relation relation) {
        return copy(m, relation, m.labourAbility(), m.employed(), m.seekingWork(), m.schooling());
    }

    private static Member copy(
            Member m, Relation relation, LabourAbility labour, boolean employed, boolean seeking, Schooling schooling) {
        return new Member(
                m.memberId(),
                m.idNumber(),
                m.name(),
                relation,
                m.sex(),
                m.birthDate(),
                m.health(),
                m.disabilityGrade(),
                labour,
                employed,
                seeking,
                m.hasSkill(),
                schooling,
                m.medicalInsurance());
    }

    private static Household income(Household h, int yuan) {
        return new Household(
                h.householdId(),
                h.regionCode(),
                h.status(),
                BigDecimal.valueOf(yuan),
                h.housingGrade(),
                h.safeDrinkingWater(),
                h.roadAccess(),
                h.industryProjects(),
                h.linkedToEnterprise(),
                h.causes(),
                h.suddenHardship(),
                h.members());
    }

    private static Household withCauses(Household h) {
        return new Household(
                h.householdId(),
                h.regionCode(),
                h.status(),
                h.incomePerCapita(),
                h.housingGrade(),
                h.safeDrinkingWater(),
                h.roadAccess(),
                h.industryProjects(),
                h.linkedToEnterprise(),
                List.of(),
                h.suddenHardship(),
                h.members());
    }
}
