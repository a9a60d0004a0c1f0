package cn.fupin.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a candidate rule set changes against the active one, for policy staff to read before activating:
 * each standard value added, removed or changed (with its start date and region), and the rules added,
 * removed or edited (by name).
 */
public record RuleSetChanges(
        List<StandardChange> standards, List<String> rulesAdded, List<String> rulesRemoved, List<String> rulesEdited) {

    /** One dated value of a standard: {@code before} null when added, {@code after} null when removed. */
    public record StandardChange(
            String standard,
            @JsonInclude(JsonInclude.Include.ALWAYS) String region,
            LocalDate since,
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal before,
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal after) {}

    public boolean isEmpty() {
        return standards.isEmpty() && rulesAdded.isEmpty() && rulesRemoved.isEmpty() && rulesEdited.isEmpty();
    }

    static RuleSetChanges between(RuleSet active, RuleSet candidate) {
        List<StandardChange> standards = new ArrayList<>();
        for (StandardName name : StandardName.values()) {
            Map<String, StandardsBook.Entry> before =
                    byKey(active.standards().definition(name).entries());
            Map<String, StandardsBook.Entry> after =
                    byKey(candidate.standards().definition(name).entries());
            TreeSet<String> keys = new TreeSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String key : keys) {
                StandardsBook.Entry old = before.get(key);
                StandardsBook.Entry now = after.get(key);
                if (old == null || now == null || old.value().compareTo(now.value()) != 0) {
                    StandardsBook.Entry any = Objects.requireNonNullElse(now, old);
                    standards.add(new StandardChange(
                            name.key(),
                            any.region().isEmpty() ? null : any.region(),
                            any.since(),
                            old == null ? null : old.value(),
                            now == null ? null : now.value()));
                }
            }
        }
        Map<String, String> oldRules = active.ruleTexts();
        Map<String, String> newRules = candidate.ruleTexts();
        List<String> added = newRules.keySet().stream()
                .filter(r -> !oldRules.containsKey(r))
                .sorted()
                .toList();
        List<String> removed = oldRules.keySet().stream()
                .filter(r -> !newRules.containsKey(r))
                .sorted()
                .toList();
        List<String> edited = newRules.keySet().stream()
                .filter(r -> oldRules.containsKey(r) && !oldRules.get(r).equals(newRules.get(r)))
                .sorted()
                .toList();
        return new RuleSetChanges(standards, added, removed, edited);
    }

    private static Map<String, StandardsBook.Entry> byKey(List<StandardsBook.Entry> entries) {
        Map<String, StandardsBook.Entry> byKey = new HashMap<>();
        entries.forEach(e -> byKey.put(e.region() + "@" + e.since(), e));
        return byKey;
    }
}
