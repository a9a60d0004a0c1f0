package cn.fupin.reevaluation;

import cn.fupin.policy.CandidateRuleSets;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.RuleSetVersions;
import cn.fupin.policy.RuleSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule set a run decides with, rebuilt from what the run stored: the version that was active when it
 * was asked for, or its candidate files, with its proposed standards. A run keeps this rule set through
 * stops, crashes and reloads, so it decides with one version from its first household to its last.
 */
@Component
class RunRuleSets {

    private static final TypeReference<List<RuleSource>> FILES = new TypeReference<>() {};

    private final RuleSetVersions versions;
    private final CandidateRuleSets candidates;
    private final JsonMapper json;

    RunRuleSets(RuleSetVersions versions, CandidateRuleSets candidates, JsonMapper json) {
        this.versions = versions;
        this.candidates = candidates;
        this.json = json;
    }

    /** The rule sets of the last few runs: every range of a run asks for it, and a candidate compiles slowly. */
    private final Map<String, RuleSet> recent = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > 2;
        }
    };

    synchronized RuleSet of(Reevaluation run) {
        RuleSet cached = recent.get(run.reevaluationId());
        if (cached == null) {
            cached = rebuild(run);
            recent.put(run.reevaluationId(), cached);
        }
        return cached;
    }

    private RuleSet rebuild(Reevaluation run) {
        RuleSet base = run.candidateFiles() == null
                ? versions.get(run.baseVersion())
                : candidates.compile(json.readValue(run.candidateFiles(), FILES));
        StandardsProposal proposal = StandardsProposal.parse(run.standardsOverrides(), json);
        RuleSet ruleSet = candidates.withStandards(base, proposal.values(), run.standardsOverrides());
        if (!ruleSet.version().equals(run.rulesetVersion())) {
            throw new IllegalStateException("Re-evaluation " + run.reevaluationId() + " was asked for with rule set "
                    + run.rulesetVersion() + " but its stored rules now make " + ruleSet.version());
        }
        return ruleSet;
    }

    /** The rule set a new run will decide with, and the files to store with it when it is a candidate. */
    record Chosen(RuleSet ruleSet, String baseVersion, String candidateFiles, String standardsOverrides) {}

    Chosen choose(RuleSet active, ReevaluationRequest request) {
        RuleSet base = active;
        String files = null;
        if (request.rulesDir() != null) {
            base = candidates.fromFolder(request.rulesDir());
            files = json.writeValueAsString(base.sources());
        }
        String overrides =
                request.standards().isEmpty() ? null : request.standards().canonical(json);
        return new Chosen(
                candidates.withStandards(base, request.standards().values(), overrides),
                active.version(),
                files,
                overrides);
    }
}
