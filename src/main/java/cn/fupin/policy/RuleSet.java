package cn.fupin.policy;

import java.time.Instant;
import java.util.List;

import org.kie.api.KieBase;

/**
 * A compiled, immutable rule set: the knowledge base of its DRL files, its standards, and its version. A
 * request takes one rule set at its start and finishes on it, whatever is activated meanwhile.
 */
public record RuleSet(String version, Instant loadedAt, List<String> files, int ruleCount,
                      KieBase kieBase, StandardsBook standards) {
}
