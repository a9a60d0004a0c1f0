package cn.fupin.policy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles the files of a rules folder into a {@link RuleSet}, or refuses them with every problem found:
 * DRL compile errors with file and line, standards errors, and rules whose metadata does not say what they
 * decide ({@code @measure} with a code of the catalogue) or define ({@code @defines}).
 */
public final class RuleSetCompiler {

    /** Shared by every compile: what one reload looked up, the next finds at once. */
    private static final ClassLoader CLASSES = new RememberingClassLoader(RuleSetCompiler.class.getClassLoader());

    /**
     * With the same class loader as the compile: the engine compiles some constraints (MVEL) only when they
     * first run, and would otherwise look their types up through the web server's class loader, uncached.
     */
    private static KieBaseConfiguration knowledgeBase() {
        return KieServices.get().newKieBaseConfiguration(null, CLASSES);
    }

    private final Clock clock;

    public RuleSetCompiler(Clock clock) {
        this.clock = clock;
    }

    public RuleSet compile(List<RuleSource> sources) {
        return compile(sources, null);
    }

    /**
     * Compiles the files; when their DRL files are exactly those of {@code previous} (a change of standards
     * only, the most common one), its compiled rules are reused and only the standards are read again.
     */
    public RuleSet compile(List<RuleSource> sources, RuleSet previous) {
        if (previous != null && drl(sources).equals(drl(previous.sources()))) {
            List<RuleProblem> problems = new ArrayList<>();
            StandardsBook standards = standards(sources, problems);
            if (!problems.isEmpty()) {
                throw new RuleSetException(problems);
            }
            return new RuleSet(
                    RulesFolder.version(sources),
                    clock.instant(),
                    List.copyOf(sources),
                    previous.ruleCount(),
                    previous.ruleTexts(),
                    previous.engines(),
                    standards);
        }
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> ruleTexts = new HashMap<>();
        StandardsBook standards = standards(sources, problems);
        KnowledgeBuilderImpl compiled = compileDrl(sources, ruleTexts, problems);
        List<RuleProblem> unordered = new ArrayList<>();
        if (compiled != null) {
            RuleStrata.order(compiled.getPackages(), sources, unordered);
            problems.addAll(unordered);
        }
        KieBase kieBase = compiled == null || !unordered.isEmpty() ? null : compiled.newKnowledgeBase(knowledgeBase());
        if (kieBase != null) {
            checkMetadata(kieBase, sources, problems);
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        int rules = kieBase.getKiePackages().stream()
                .mapToInt(p -> p.getRules().size())
                .sum();
        return new RuleSet(
                RulesFolder.version(sources),
                clock.instant(),
                sources,
                rules,
                ruleTexts,
                RuleEngines.of(compiled, kieBase, RuleSetCompiler::knowledgeBase),
                standards);
    }

    private static List<RuleSource> drl(List<RuleSource> sources) {
        return sources.stream().filter(s -> s.path().endsWith(".drl")).toList();
    }

    private static StandardsBook standards(List<RuleSource> sources, List<RuleProblem> problems) {
        RuleSource file = sources.stream()
                .filter(s -> s.path().equals(RulesFolder.STANDARDS_FILE))
                .findFirst()
                .orElse(null);
        if (file == null) {
            problems.add(new RuleProblem(RulesFolder.STANDARDS_FILE, 0, "the standards file is missing"));
            return null;
        }
        try {
            return StandardsFile.parse(file.path(), file.content());
        } catch (RuleSetException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static KnowledgeBuilderImpl compileDrl(
            List<RuleSource> sources, Map<String, String> ruleTexts, List<RuleProblem> problems) {
        List<RuleSource> drl = drl(sources);
        if (drl.isEmpty()) {
            problems.add(new RuleProblem(".", 0, "the rules folder has no .drl file"));
            return null;
        }
        if (syntaxErrors(drl, ruleTexts, problems)) {
            return null; // compiling files that do not parse would only add errors caused by these
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, CLASSES));
        // A batch compiles all files together, so a type declared in one file can be used in another.
        CompositeKnowledgeBuilder batch = builder.batch();
        for (RuleSource source : drl) {
            Resource resource =
                    ResourceFactory.newByteArrayResource(source.content().getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(source.path());
            batch.add(resource, ResourceType.DRL);
        }
        batch.build();
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                int[] lines = error.getLines();
                String file =
                        error.getResource() == null ? "?" : error.getResource().getSourcePath();
                problems.add(new RuleProblem(
                        file,
                        lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0,
                        error.getMessage().strip()));
            }
            return null;
        }
        return (KnowledgeBuilderImpl) builder;
    }

    /** Parses each file on its own first, so a typo is reported in its file and not as a cascade in others. */
    private static boolean syntaxErrors(
            List<RuleSource> drl, Map<String, String> ruleTexts, List<RuleProblem> problems) {
        boolean found = false;
        for (RuleSource source : drl) {
            DrlParser parser = new DrlParser();
            try {
                PackageDescr parsed = parser.parse(false, source.content());
                if (parsed != null) {
                    for (RuleDescr rule : parsed.getRules()) {
                        ruleTexts.put(rule.getName(), text(source.content(), rule));
                        if (rule.getAttributes().containsKey("salience")) {
                            // The order of firing is found from what the rules read (RuleStrata).
                            problems.add(new RuleProblem(
                                    source.path(),
                                    rule.getLine(),
                                    "rule \"" + rule.getName() + "\" sets a salience: the engine orders the rules"
                                            + " by what they read, so a rule says what it needs, not when it fires"));
                        }
                    }
                }
            } catch (DroolsParserException e) {
                problems.add(new RuleProblem(source.path(), 0, e.getMessage()));
                found = true;
                continue;
            }
            for (DroolsError error : parser.getErrors()) {
                int[] lines = error.getLines();
                problems.add(new RuleProblem(
                        source.path(),
                        lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0,
                        error.getMessage().strip()));
                found = true;
            }
        }
        return found;
    }

    private static String text(String content, RuleDescr rule) {
        int start = Math.max(0, rule.getStartCharacter());
        int end = rule.getEndCharacter() > start
                ? Math.min(content.length(), rule.getEndCharacter() + 1)
                : content.length();
        return content.substring(start, end);
    }

    private static void checkMetadata(KieBase kieBase, List<RuleSource> sources, List<RuleProblem> problems) {
        Map<String, String> severities = new HashMap<>(); // a finding code has one severity, whichever rule reports it
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> metadata = rule.getMetaData();
                Object measure = metadata.get(RuleMetadata.MEASURE);
                Object defines = metadata.get(RuleMetadata.DEFINES);
                Object finding = metadata.get(RuleMetadata.FINDING);
                Object severity = metadata.get(RuleMetadata.SEVERITY);
                long kinds = Stream.of(measure, defines, finding)
                        .filter(Objects::nonNull)
                        .count();
                String problem = null;
                if (kinds == 0) {
                    problem = "rule \"" + rule.getName()
                            + "\" needs @measure(\"CODE\"), @defines(\"Fact\") or @finding(\"CODE\")";
                } else if (kinds > 1) {
                    problem = "rule \"" + rule.getName()
                            + "\" has more than one of @measure, @defines and @finding; it either decides, defines or checks";
                } else if (finding != null && !String.valueOf(finding).matches("[A-Z][A-Z0-9_]*")) {
                    problem = "rule \"" + rule.getName()
                            + "\": a finding code is written in capitals and underscores, not '" + finding + "'";
                } else if (finding != null && !("ERROR".equals(severity) || "WARNING".equals(severity))) {
                    problem = "rule \"" + rule.getName()
                            + "\" needs @severity(\"ERROR\") or @severity(\"WARNING\") beside @finding";
                } else if (finding != null
                        && severities.containsKey(finding.toString())
                        && !severities.get(finding.toString()).equals(severity)) {
                    problem = "rule \"" + rule.getName() + "\" gives finding " + finding + " severity " + severity
                            + ", another rule gives it " + severities.get(finding.toString());
                } else if (finding == null && severity != null) {
                    problem = "rule \"" + rule.getName() + "\" has @severity but no @finding";
                }
                if (finding != null && severity != null) {
                    severities.putIfAbsent(finding.toString(), severity.toString());
                }
                if (problem != null) {
                    problems.add(locate(rule.getName(), sources, problem));
                }
            }
        }
    }

    /** Finds the file and line where a rule is declared, for a problem found after compilation. */
    static RuleProblem locate(String ruleName, List<RuleSource> sources, String message) {
        String declaration = "rule \"" + ruleName + "\"";
        for (RuleSource source : sources) {
            String[] lines = source.content().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith(declaration)) {
                    return new RuleProblem(source.path(), i + 1, message);
                }
            }
        }
        return new RuleProblem("?", 0, message);
    }
}
