package cn.fupin.matching;

import cn.fupin.household.HouseholdRegistry;
import cn.fupin.system.NotFoundException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The evaluations recorded for a household, newest first, each with what it recommended then. */
@Service
public class EvaluationHistory {

    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    private final EvaluationRepository evaluations;
    private final HouseholdRegistry registry;
    private final JsonMapper json;

    EvaluationHistory(EvaluationRepository evaluations, HouseholdRegistry registry, JsonMapper json) {
        this.evaluations = evaluations;
        this.registry = registry;
        this.json = json;
    }

    public List<Evaluation> of(String householdId) {
        if (!registry.visible(householdId)) {
            throw new NotFoundException("No household " + householdId);
        }
        return evaluations.findHistory(householdId).stream()
                .map(this::toEvaluation)
                .toList();
    }

    /** The household's latest evaluation, if it was ever evaluated. */
    public Optional<Evaluation> latest(String householdId) {
        return evaluations.findLatest(householdId).map(this::toEvaluation);
    }

    public Evaluation get(String evaluationId) {
        return evaluations
                .find(evaluationId)
                .filter(r -> registry.visible(r.householdId()))
                .map(this::toEvaluation)
                .orElseThrow(() -> new NotFoundException("No evaluation " + evaluationId));
    }

    private Evaluation toEvaluation(EvaluationRecord r) {
        return new Evaluation(
                r.evaluationId(),
                r.householdId(),
                r.asOf(),
                r.rulesetVersion(),
                r.evaluatedAt().atZone(OFFICE_ZONE).toOffsetDateTime(),
                r.evaluatedBy(),
                r.recommendations(json),
                r.reevaluationId());
    }
}
