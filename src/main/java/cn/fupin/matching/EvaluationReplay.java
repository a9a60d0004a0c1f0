package cn.fupin.matching;

import cn.fupin.household.Household;
import cn.fupin.household.HouseholdReader;
import cn.fupin.household.HouseholdRegistry;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.RuleSetVersions;
import cn.fupin.system.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-runs a recorded evaluation with the rule set version and the household snapshot it was recorded with
 * — not the current ones — and sets the two answers side by side: the audit answer to "why did this
 * household get 低保 on that day?".
 */
@Service
public class EvaluationReplay {

    /** The recorded answer, the answer given again now, and whether they are the same. */
    public record Replay(
            String evaluationId,
            String householdId,
            LocalDate asOf,
            String rulesetVersion,
            List<Recommendation> recorded,
            List<Recommendation> replayed,
            boolean identical) {}

    private final EvaluationRepository evaluations;
    private final RuleSetVersions versions;
    private final HouseholdReader reader;
    private final JsonMapper json;

    private final HouseholdRegistry registry;

    EvaluationReplay(
            EvaluationRepository evaluations,
            RuleSetVersions versions,
            HouseholdReader reader,
            JsonMapper json,
            HouseholdRegistry registry) {
        this.registry = registry;
        this.evaluations = evaluations;
        this.versions = versions;
        this.reader = reader;
        this.json = json;
    }

    public Replay replay(String evaluationId) {
        EvaluationRecord record = evaluations
                .find(evaluationId)
                .filter(r -> registry.visible(r.householdId()))
                .orElseThrow(() -> new NotFoundException("No evaluation " + evaluationId));
        RuleSet ruleSet = versions.get(record.rulesetVersion());
        Household household = reader.readSnapshot(json.readTree(record.input()));
        RuleSession.Input input =
                new RuleSession.Input(household, ruleSet.standards().resolve(household.regionCode(), record.asOf()));
        List<Recommendation> replayed =
                RuleSession.run(ruleSet, List.of(input), record.asOf()).get(household.householdId());
        List<Recommendation> recorded = record.recommendations(json);
        boolean identical = recorded.stream()
                .map(EvaluationReplay::decision)
                .toList()
                .equals(replayed.stream().map(EvaluationReplay::decision).toList());
        return new Replay(
                evaluationId,
                record.householdId(),
                record.asOf(),
                record.rulesetVersion(),
                recorded,
                replayed,
                identical);
    }

    /** What the rules decided, without the ledger's id and status. */
    private static Recommendation decision(Recommendation r) {
        return new Recommendation(r.measure(), r.memberId(), r.rule(), r.reason());
    }
}
