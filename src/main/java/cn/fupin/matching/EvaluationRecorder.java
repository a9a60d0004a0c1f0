package cn.fupin.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.fupin.household.HouseholdRegistry;
import cn.fupin.household.StoredHousehold;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates a stored household and records it, all in one transaction: the evaluation with the household
 * as evaluated, and the ledger — a measure still matched for the same target keeps its entry (id, status,
 * history; its rule and reason are updated when they changed), a measure no longer matched is WITHDRAWN, a new
 * one starts RECOMMENDED.
 * Evaluations of one household are serialised on its row lock; the schema's unique key backs that up.
 */
@Service
public class EvaluationRecorder {

    private final HouseholdRegistry registry;
    private final HouseholdEvaluator evaluator;
    private final LedgerWrites ledger;
    private final EvaluationWrites evaluations;
    private final JsonMapper json;

    EvaluationRecorder(HouseholdRegistry registry, HouseholdEvaluator evaluator, LedgerWrites ledger,
                       EvaluationWrites evaluations, JsonMapper json) {
        this.registry = registry;
        this.evaluator = evaluator;
        this.ledger = ledger;
        this.evaluations = evaluations;
        this.json = json;
    }

    @Transactional
    public Evaluation record(String householdId, LocalDate asOf, String user) {
        StoredHousehold stored = registry.lock(householdId);
        Evaluation answer = evaluator.evaluate(stored.household(), asOf);
        String evaluationId = UUID.randomUUID().toString();
        var at = answer.evaluatedAt().toInstant();

        Map<String, LedgerWrites.Current> current = ledger.current(householdId).stream()
                .collect(Collectors.toMap(LedgerWrites.Current::target, Function.identity()));
        List<Recommendation> recorded = new ArrayList<>();
        List<Recommendation> regrounded = new ArrayList<>();
        List<Recommendation> added = new ArrayList<>();
        for (Recommendation r : answer.recommendations()) {
            LedgerWrites.Current entry = current.remove(r.target());
            if (entry != null) {
                Recommendation same = r.recorded(entry.recommendationId(), entry.status());
                if (!entry.sameGrounds(r)) {
                    regrounded.add(same);
                }
                recorded.add(same);
            } else {
                Recommendation fresh = r.recorded(UUID.randomUUID().toString(), RecommendationStatus.RECOMMENDED);
                added.add(fresh);
                recorded.add(fresh);
            }
        }
        List<LedgerWrites.Current> withdrawn = List.copyOf(current.values());

        evaluations.insert(new EvaluationRecord(evaluationId, householdId, asOf, answer.rulesetVersion(), at, user,
                stored.version(), json.writeValueAsString(stored.household()), json.writeValueAsString(recorded)));
        ledger.regrounded(regrounded, evaluationId, answer.rulesetVersion(), at);
        ledger.add(householdId, added, evaluationId, answer.rulesetVersion(), user, at);
        ledger.withdraw(withdrawn, evaluationId, user, at);
        return new Evaluation(evaluationId, householdId, asOf, answer.rulesetVersion(),
                at.atOffset(answer.evaluatedAt().getOffset()), user, recorded);
    }
}
