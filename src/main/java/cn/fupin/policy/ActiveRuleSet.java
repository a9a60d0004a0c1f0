package cn.fupin.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rule set the service decides with. It is compiled from the rules folder at start; a compile error
 * stops the start, naming each file and line. Readers take {@link #get()} once per request.
 */
@Component
public class ActiveRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final RulesFolder folder;
    private final RuleSetCompiler compiler;
    private final AtomicReference<RuleSet> active;

    public ActiveRuleSet(@Value("${app.rules-dir:rules}") Path rulesDir, Clock clock) {
        this.folder = new RulesFolder(rulesDir.toAbsolutePath().normalize());
        this.compiler = new RuleSetCompiler(clock);
        RuleSet ruleSet = compiler.compile(folder.read());
        log.info("Rule set {} active: {} rules from {} files in {}", ruleSet.version(), ruleSet.ruleCount(),
                ruleSet.files().size(), folder.dir());
        this.active = new AtomicReference<>(ruleSet);
    }

    public RuleSet get() {
        return active.get();
    }

    public RulesFolder folder() {
        return folder;
    }
}
