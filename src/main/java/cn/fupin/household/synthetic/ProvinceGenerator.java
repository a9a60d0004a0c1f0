package cn.fupin.household.synthetic;

import cn.fupin.household.Cause;
import cn.fupin.household.Household;
import cn.fupin.household.HouseholdStatus;
import cn.fupin.household.Member;
import cn.fupin.household.ResidentIdNumber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * A synthetic province (registries hold personal data and cannot be shipped), one household per NDJSON
 * line, reproducible for a seed. The POOR households reproduce the plan's figures exactly — people per
 * primary cause, the LACK_OF_MOTIVATION households, the ill or disabled, the NORMAL and WEAK labourers —
 * and the MONITORED people; everything else follows plausible assumptions (see src/docs/api.md, "A province to work on").
 */
public final class ProvinceGenerator {

    /** Ages are drawn for this date, the plan's year. */
    static final LocalDate AGES_ON = LocalDate.of(2020, 6, 30);

    /** What was written: households and people per status, and the errors planted (none unless asked for). */
    public record Summary(
            int households,
            int people,
            int poorPeople,
            int monitoredPeople,
            int liftedPeople,
            List<PlantedErrors.Planted> planted) {}

    private final Random random;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Integer> householdNumbers = new HashMap<>();
    private final Map<String, Integer> idSequences = new HashMap<>();
    private final PlantedErrors errors;
    private int households;

    public ProvinceGenerator(long seed) {
        this(seed, 0);
    }

    /** @param errorsPerKind errors of each kind to plant ({@link PlantedErrors}); 0 for a clean province */
    public ProvinceGenerator(long seed, int errorsPerKind) {
        this.random = new Random(seed);
        this.errors = errorsPerKind > 0 ? new PlantedErrors(errorsPerKind, seed) : null;
    }

    public Summary generate(int people, Writer out) {
        ProvinceFigures figures = ProvinceFigures.scaledTo(people);
        List<Draft> poor = new ArrayList<>();
        for (Map.Entry<Cause, Integer> group : figures.poorByPrimaryCause().entrySet()) {
            int motivated = group.getKey() == Cause.ILLNESS ? figures.poorWithLackOfMotivation() : 0;
            poor.addAll(drafts(HouseholdStatus.POOR, group.getKey(), true, motivated));
            poor.addAll(drafts(HouseholdStatus.POOR, group.getKey(), false, group.getValue() - motivated));
        }
        Traits.dealPoorLabour(poor, figures.poorNormalLabourers(), figures.poorWeakLabourers(), random);
        Traits.dealPoorHealth(poor, figures.poorIllOrDisabled(), random);
        for (Draft draft : poor) {
            write(draft, out);
        }
        for (Draft draft : drafts(HouseholdStatus.MONITORED, null, false, figures.monitored())) {
            write(draft, out);
        }
        for (Draft draft : drafts(HouseholdStatus.LIFTED, null, false, figures.lifted())) {
            write(draft, out);
        }
        if (errors != null) {
            errors.checkComplete();
        }
        return new Summary(
                households,
                people,
                figures.poor(),
                figures.monitored(),
                figures.lifted(),
                errors == null ? List.of() : errors.manifest());
    }

    /** Households of one status (and primary cause) whose people add up to exactly {@code people}. */
    private List<Draft> drafts(HouseholdStatus status, Cause primary, boolean motivated, int people) {
        List<Draft> drafts = new ArrayList<>();
        int left = people;
        while (left > 0) {
            int size = Math.min(Draws.householdSize(random), left);
            Draft draft = new Draft(status, Regions.pick(random), causes(status, primary, motivated));
            draft.members = Members.family(size, random);
            if (status != HouseholdStatus.POOR) {
                draft.members.forEach(m -> Traits.ordinary(m, random));
            }
            drafts.add(draft);
            left -= size;
        }
        return drafts;
    }

    private List<Cause> causes(HouseholdStatus status, Cause primary, boolean motivated) {
        List<Cause> causes = new ArrayList<>();
        causes.add(primary != null ? primary : Draws.primaryCause(random));
        if (motivated) {
            causes.add(Cause.LACK_OF_MOTIVATION);
        }
        if (random.nextInt(100) < 6) {
            causes.add(Cause.TRANSPORT); // a secondary cause the plan names; never LACK_OF_MOTIVATION by chance
        }
        return causes;
    }

    private void write(Draft draft, Writer out) {
        int number = householdNumbers.merge(draft.region, 1, Integer::sum);
        String id = draft.region + "-" + String.format("%06d", number);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < draft.members.size(); i++) {
            Members.Draft m = draft.members.get(i);
            LocalDate birth = AGES_ON.minusYears(m.age).minusDays(random.nextInt(365));
            String key = draft.region + birth;
            int sequence = idSequences.merge(key, 1, Integer::sum);
            members.add(new Member(
                    id + "-" + String.format("%02d", i + 1),
                    ResidentIdNumber.of(draft.region, birth, m.sex, sequence),
                    Names.of(m.sex, random),
                    m.relation,
                    m.sex,
                    birth,
                    m.health,
                    m.disabilityGrade,
                    m.labour,
                    m.employed,
                    m.seekingWork,
                    m.hasSkill,
                    m.schooling,
                    m.insured));
        }
        Household household = new Household(
                id,
                draft.region,
                draft.status,
                Draws.income(draft.status, random),
                Draws.housing(draft.status, random),
                random.nextInt(100) >= (draft.status == HouseholdStatus.POOR ? 6 : 1),
                random.nextInt(100) >= (draft.status == HouseholdStatus.POOR ? 5 : 1),
                random.nextInt(100) < (draft.status == HouseholdStatus.POOR ? 45 : 30) ? 0 : 1 + random.nextInt(2),
                random.nextInt(100) < (draft.status == HouseholdStatus.POOR ? 40 : 65),
                draft.causes,
                random.nextInt(100) < 2,
                members);
        if (errors != null) {
            household = errors.plant(household);
        }
        try {
            out.write(json.writeValueAsString(household));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        households++;
    }

    /** A household before it is written: POOR ones are completed together so their totals come out exact. */
    static final class Draft {
        final HouseholdStatus status;
        final String region;
        final List<Cause> causes;
        List<Members.Draft> members = Collections.emptyList();

        Draft(HouseholdStatus status, String region, List<Cause> causes) {
            this.status = status;
            this.region = region;
            this.causes = causes;
        }
    }
}
