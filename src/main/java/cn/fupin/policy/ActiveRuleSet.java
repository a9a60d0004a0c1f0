package cn.fupin.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The rule set the service decides with. At start the rules folder goes through the same gate as a reload
 * (compiled, every measure tried both ways, every scenario passing). A folder that does not pass never goes
 * live: the service decides with the version activated last (from the database), says so at ERROR and in
 * its health, or, where none was ever activated, refuses to start naming each file and line. So a restart,
 * a new replica or a worker runs nothing that policy staff have not seen pass. It is replaced only by a
 * reload that passes the gate. Readers take {@link #get()} once per request and finish on that rule set; a
 * reload swaps the reference atomically.
 */
@Component
public class ActiveRuleSet {

    /** The outcome of a reload that passed the gate. */
    public record Reload(boolean activated, String version, String previousVersion, ValidationReport report) {}

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final RulesFolder folder;
    private final RuleSetGate gate;
    private final RuleSetStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AtomicReference<RuleSet> active;
    private volatile ValidationReport refusedAtStart;

    public ActiveRuleSet(
            @Value("${app.rules-dir:rules}") Path rulesDir,
            RuleSetGate gate,
            RuleSetStore store,
            Clock clock,
            ApplicationEventPublisher events) {
        this.folder = new RulesFolder(rulesDir.toAbsolutePath().normalize());
        this.gate = gate;
        this.store = store;
        this.clock = clock;
        this.events = events;
        RuleSetGate.Candidate candidate = gate.check(folder, null);
        RuleSet ruleSet;
        if (candidate.report().valid()) {
            ruleSet = candidate.ruleSet();
            log.info(
                    "Rule set {} active: {} rules from {} files in {}",
                    ruleSet.version(),
                    ruleSet.ruleCount(),
                    ruleSet.files().size(),
                    folder.dir());
        } else {
            ruleSet = lastActivated(candidate.report());
        }
        this.refusedAtStart = candidate.report().valid() ? null : candidate.report();
        this.active = new AtomicReference<>(ruleSet);
    }

    /**
     * The version activated last, for a start whose folder did not pass; none ever activated stops the start
     * with every problem of the folder.
     */
    private RuleSet lastActivated(ValidationReport report) {
        List<RuleProblem> problems = new ArrayList<>(report.errors());
        report.failingScenarios()
                .forEach(s -> problems.add(new RuleProblem(
                        s.file(), 0, "scenario \"" + s.name() + "\" fails: " + String.join("; ", s.failures()))));
        String last = store.lastActivated().orElseThrow(() -> new RuleSetException(problems));
        RuleSet ruleSet = new RuleSetCompiler(clock)
                .compile(store.sources(last).orElseThrow(() -> new RuleSetException(problems)));
        log.error(
                "The rules folder {} does not pass its gate ({} problems); deciding with the version activated "
                        + "last, {}, until a reload passes. First problem: {}",
                folder.dir(),
                problems.size(),
                last,
                problems.get(0));
        return ruleSet;
    }

    /** Why the folder was refused at start, while the service decides with the version activated last. */
    public Optional<ValidationReport> refusedAtStart() {
        return Optional.ofNullable(refusedAtStart);
    }

    public RuleSet get() {
        return active.get();
    }

    /** A start that brings another version than the last one activated counts as its activation. */
    void recordStart() {
        RuleSet ruleSet = active.get();
        String last = store.lastActivated().orElse(null);
        if (!ruleSet.version().equals(last)) {
            store.activated(ruleSet, last, "start", clock.instant());
        }
    }

    /** Checks the folder as it is now against the active rule set; activates nothing. */
    public ValidationReport validate() {
        return gate.check(folder, active.get()).report();
    }

    /**
     * Checks the folder and, if it passes and differs from the active rule set, makes it the active one.
     * One reload at a time; every attempt is audited.
     *
     * @throws RuleSetRefusedException if the folder does not pass; the active rule set stays
     */
    public Reload reload(String user) {
        Reload reload = activate(user, null);
        if (reload.activated()) { // announced outside the lock: a slow broker holds up no other reload
            events.publishEvent(new RuleSetActivated(reload.version(), reload.previousVersion(), user, false));
        }
        return reload;
    }

    /**
     * Follows a rule set that another instance activated: checks this instance's folder as a reload does, and
     * activates it only if it gives that very version. A folder that gives another version (not updated yet,
     * or changed since) is left for this instance's own next reload.
     *
     * @throws RuleSetRefusedException if the folder does not pass; the active rule set stays
     */
    public Reload follow(String version, String user) {
        Reload reload = activate(user, version);
        if (reload.activated()) {
            events.publishEvent(new RuleSetActivated(reload.version(), reload.previousVersion(), user, true));
        }
        return reload;
    }

    private synchronized Reload activate(String user, String onlyVersion) {
        long started = System.nanoTime();
        RuleSet current = active.get();
        RuleSetGate.Candidate candidate = gate.check(folder, current);
        ValidationReport report = candidate.report();
        Instant at = clock.instant();
        if (!report.valid()) {
            int problems = report.errors().size() + report.failingScenarios().size();
            store.audit(
                    user,
                    at,
                    current.version(),
                    report.version(),
                    "REFUSED",
                    problems,
                    report.errors().isEmpty()
                            ? "failing scenarios: " + report.failingScenarios().size()
                            : report.errors().get(0).toString());
            throw new RuleSetRefusedException(report);
        }
        refusedAtStart = null; // the folder passes now, whatever it was at start
        if (candidate.ruleSet().version().equals(current.version())) {
            store.audit(user, at, current.version(), current.version(), "UNCHANGED", 0, null);
            return new Reload(false, current.version(), current.version(), report);
        }
        if (onlyVersion != null && !candidate.ruleSet().version().equals(onlyVersion)) {
            return new Reload(false, candidate.ruleSet().version(), current.version(), report);
        }
        store.activated(candidate.ruleSet(), current.version(), user, at);
        active.set(candidate.ruleSet());
        store.audit(user, at, current.version(), candidate.ruleSet().version(), "ACTIVATED", 0, null);
        log.info(
                "Rule set {} activated by {} in {} ms, replacing {}",
                candidate.ruleSet().version(),
                user,
                (System.nanoTime() - started) / 1_000_000,
                current.version());
        return new Reload(true, candidate.ruleSet().version(), current.version(), report);
    }
}
