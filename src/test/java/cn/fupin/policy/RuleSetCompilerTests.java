package cn.fupin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

class RuleSetCompilerTests {

    static final Path RULES = Path.of("rules");
    final RuleSetCompiler compiler = new RuleSetCompiler(Clock.systemUTC());

    static List<RuleSource> realRules() {
        return new RulesFolder(RULES).read();
    }

    static List<RuleSource> replace(List<RuleSource> sources, String path, String content) {
        List<RuleSource> changed = new ArrayList<>(
                sources.stream().filter(s -> !s.path().equals(path)).toList());
        changed.add(new RuleSource(path, content));
        return changed;
    }

    static String file(String path) {
        return realRules().stream()
                .filter(s -> s.path().equals(path))
                .findFirst()
                .orElseThrow()
                .content();
    }

    List<RuleProblem> problemsOf(List<RuleSource> sources) {
        return catchThrowableOfType(RuleSetException.class, () -> compiler.compile(sources))
                .problems();
    }

    @Test
    void theRulesFolderCompilesWithEveryRuleDecidingOrDefining() {
        RuleSet ruleSet = compiler.compile(realRules());
        assertThat(ruleSet.ruleCount()).isGreaterThan(24);
        assertThat(ruleSet.files()).contains("standards.yaml", "health.drl", "safety-net.drl", "monitoring.drl");
        assertThat(ruleSet.version()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void theVersionDependsOnTheFilesAndNothingElse() {
        List<RuleSource> sources = realRules();
        assertThat(RulesFolder.version(sources)).isEqualTo(RulesFolder.version(realRules()));
        String changed = RulesFolder.version(replace(sources, "water.drl", file("water.drl") + "\n"));
        assertThat(changed).isNotEqualTo(RulesFolder.version(sources));
    }

    @Test
    void aChangeOfStandardsOnlyReusesTheCompiledRulesAndReadsTheNewValues() {
        RuleSet before = compiler.compile(realRules());
        String standards = file("standards.yaml")
                .replace(
                        "{ since: 2020-01-01, value: 4500, reference: \"《省2020年脱贫攻坚十大专项行动方案》兜底保障专项行动：省级农村低保标准\" }",
                        "{ since: 2020-01-01, value: 4600, reference: \"测试用值\" }");
        RuleSet after = compiler.compile(replace(realRules(), "standards.yaml", standards), before);
        assertThat(after.kieBase()).isSameAs(before.kieBase());
        assertThat(after.version()).isNotEqualTo(before.version());
        assertThat(after.standards()
                        .resolve("520102", LocalDate.parse("2020-06-30"))
                        .getDibaoStandard())
                .isEqualByComparingTo("4600");
        String drl = file("water.drl") + "\n";
        assertThat(compiler.compile(replace(realRules(), "water.drl", drl), before)
                        .kieBase())
                .isNotSameAs(before.kieBase());
    }

    @Test
    void aSyntaxErrorIsReportedWithItsFileAndLine() {
        String broken = file("water.drl").replace("safeDrinkingWater == false )", "safeDrinkingWater == false");
        List<RuleProblem> problems = problemsOf(replace(realRules(), "water.drl", broken));
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("water.drl"));
        assertThat(problems.get(0).line()).isBetween(9, 14);
    }

    @Test
    void anUnknownFieldIsReportedWithItsFile() {
        String broken = file("housing.drl").replace("housingGrade in", "houseGrade in");
        List<RuleProblem> problems = problemsOf(replace(realRules(), "housing.drl", broken));
        assertThat(problems).extracting(RuleProblem::file).contains("housing.drl");
        assertThat(problems).anySatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void aRuleWithoutMetadataIsRefusedAtItsLine() {
        // A measure code outside the catalogue is the gate's to refuse: scenario.ScenarioGateTests.
        String none = file("water.drl").replace("@measure(\"WATER_SAFETY\")", "");
        assertThat(problemsOf(replace(realRules(), "water.drl", none)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("needs @measure"));
    }

    @Test
    void theQualityRulesArePartOfTheRuleSet() {
        RuleSet ruleSet = compiler.compile(realRules());
        assertThat(ruleSet.files()).contains("quality/identification.drl", "quality/members.drl");
        String edited =
                RulesFolder.version(replace(realRules(), "quality/members.drl", file("quality/members.drl") + "\n"));
        assertThat(edited).isNotEqualTo(ruleSet.version());
    }

    /**
     * Deciding measures and checking records each get a knowledge base without the other's rules and without
     * the definitions only the other reads; the base of every rule keeps them all (one pass of a run).
     */
    @Test
    void decidingAndCheckingEachHaveAKnowledgeBaseWithoutTheOthersRules() {
        RuleSet ruleSet = compiler.compile(realRules());
        List<Rule> decisions = rulesOf(ruleSet.engines().decisions().base());
        List<Rule> checks = rulesOf(ruleSet.engines().checks().base());
        assertThat(rulesOf(ruleSet.kieBase())).hasSize(ruleSet.ruleCount());

        assertThat(decisions).noneMatch(r -> r.getMetaData().containsKey(RuleMetadata.FINDING));
        assertThat(decisions).anyMatch(r -> r.getMetaData().containsKey(RuleMetadata.MEASURE));
        assertThat(defined(decisions)).contains("Labourer", "DibaoGround").doesNotContain("BelowWorkingAge");

        assertThat(checks).noneMatch(r -> r.getMetaData().containsKey(RuleMetadata.MEASURE));
        assertThat(checks).anyMatch(r -> r.getMetaData().containsKey(RuleMetadata.FINDING));
        assertThat(defined(checks)).contains("BelowWorkingAge").doesNotContain("Labourer", "DibaoGround");
    }

    /**
     * Conclusions are inserted once and for good, so a rule asking for a fact's absence fires after every rule
     * that could conclude it (and after what those read): 整户无劳动能力 after 劳动力, 低保 after both 特困 grounds.
     */
    @Test
    void aRuleAskingForAnAbsenceFiresAfterEveryRuleThatCouldConcludeIt() {
        RuleSet ruleSet = compiler.compile(realRules());
        java.util.Map<String, Integer> salience = new java.util.HashMap<>();
        rulesOf(ruleSet.kieBase())
                .forEach(r -> salience.put(
                        r.getName(), ((org.drools.base.definitions.rule.impl.RuleImpl) r).getSalienceValue()));
        int withoutLabour = salience.get("整户无劳动能力：家中没有一名劳动力");
        assertThat(salience.get("劳动力：年满劳动年龄下限、有普通或弱劳动能力的成员")).isGreaterThan(withoutLabour);
        int dibao = salience.get("低保：符合低保条件且不属于特困供养");
        assertThat(salience.get("特困供养：独自生活、无劳动能力的老年人")).isGreaterThan(dibao);
        assertThat(salience.get("特困供养：独自生活、无劳动能力的重度残疾人")).isGreaterThan(dibao);
        assertThat(salience.get("独居且无劳动能力：家中仅此一人且无劳动能力")).isGreaterThan(dibao);
        assertThat(salience.get("危房改造：住房安全等级为 C 级或 D 级")).isZero();
    }

    @Test
    void aRuleThatSetsItsOwnSalienceIsRefusedAtItsLine() {
        String water = file("water.drl");
        String edited =
                water.replace("    @measure(\"WATER_SAFETY\")", "    @measure(\"WATER_SAFETY\")\n    salience 10");
        assertThat(edited).isNotEqualTo(water);
        assertThat(problemsOf(replace(realRules(), "water.drl", edited)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("water.drl");
                    assertThat(p.line()).isPositive();
                    assertThat(p.message()).contains("sets a salience");
                });
    }

    /** Whether 低保 holds could depend on 低保 itself: no order of firing decides that, so it is refused. */
    @Test
    void aRuleNeedingItsOwnConclusionAbsentIsRefusedAtItsLine() {
        String safetyNet = file("safety-net.drl");
        String edited = safetyNet.replace("not TekunGround( householdId == $hid )", "not Match( householdId == $hid )");
        assertThat(edited).isNotEqualTo(safetyNet);
        assertThat(problemsOf(replace(realRules(), "safety-net.drl", edited))).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("safety-net.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("低保：符合低保条件且不属于特困供养", "depends on its own conclusion");
        });
    }

    private static List<Rule> rulesOf(KieBase base) {
        return base.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .toList();
    }

    private static List<String> defined(List<Rule> rules) {
        return rules.stream()
                .map(r -> r.getMetaData().get(RuleMetadata.DEFINES))
                .filter(java.util.Objects::nonNull)
                .map(Object::toString)
                .toList();
    }

    @Test
    void aQualityRuleNeedsAKnownSeverityOneSeverityPerCodeAndACodeInCapitals() {
        String members = file("quality/members.drl");
        String noSeverity =
                members.replace("@finding(\"HEAD_MISSING\") @severity(\"ERROR\")", "@finding(\"HEAD_MISSING\")");
        assertThat(problemsOf(replace(realRules(), "quality/members.drl", noSeverity)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("quality/members.drl");
                    assertThat(p.line()).isPositive();
                    assertThat(p.message()).contains("户主缺失", "needs @severity(\"ERROR\") or @severity(\"WARNING\")");
                });
        String twoSeverities = members.replaceFirst(
                "@finding\\(\"SCHOOLING_AGE_MISMATCH\"\\) @severity\\(\"ERROR\"\\)",
                "@finding(\"SCHOOLING_AGE_MISMATCH\") @severity(\"WARNING\")");
        assertThat(problemsOf(replace(realRules(), "quality/members.drl", twoSeverities)))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).contains("SCHOOLING_AGE_MISMATCH", "another rule gives it"));
        String lowerCase = members.replace("@finding(\"HEAD_MISSING\")", "@finding(\"head missing\")");
        assertThat(problemsOf(replace(realRules(), "quality/members.drl", lowerCase)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("capitals and underscores"));
        String both =
                members.replace("@finding(\"HEAD_MISSING\")", "@finding(\"HEAD_MISSING\") @measure(\"WATER_SAFETY\")");
        assertThat(problemsOf(replace(realRules(), "quality/members.drl", both)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("more than one of @measure, @defines and @finding"));
    }

    @Test
    void standardsErrorsNameTheirLines() {
        String standards = file("standards.yaml")
                        .replace(
                                "- { since: 2019-01-01, value: 3750, reference: \"国家现行扶贫标准（2010年不变价农民人均纯收入2,300元）按2019年价格水平折算\" }",
                                "- { since: 2019-13-01, value: 3750, reference: \"测试用值\" }")
                        .replace("region: \"5203\"", "region: \"520\"")
                        .replace(
                                "- { since: 2019-01-01, value: 64, reference: \"《省2020年脱贫攻坚十大专项行动方案》就业扶贫专项行动：公益岗位安置年龄至64周岁\" }",
                                "- { since: 2019-01-01, value: 64, reference: \"《省2020年脱贫攻坚十大专项行动方案》就业扶贫专项行动：公益岗位安置年龄至64周岁\" }\n    - { since: 2019-01-01, value: 65, reference: \"国家基本公共卫生服务规范：65岁及以上老年人健康管理；《省2020年脱贫攻坚十大专项行动方案》健康扶贫专项行动：家庭医生签约\" }")
                + "\nchild_age:\n  values:\n    - { since: 2019-01-01, value: 14, reference: \"测试用值\" }\n";
        List<RuleProblem> problems = problemsOf(replace(realRules(), "standards.yaml", standards));
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("standards.yaml");
            assertThat(p.line()).isPositive();
        });
        assertThat(problems)
                .extracting(RuleProblem::message)
                .anyMatch(m -> m.contains("'since' must be a date"))
                .anyMatch(m -> m.contains("2, 4 or 6 digits"))
                .anyMatch(m -> m.startsWith("overlaps line"))
                .anyMatch(m -> m.contains("unknown standard 'child_age'"));
    }

    @Test
    void aMissingStandardIsReported() {
        String standards = file("standards.yaml").replaceAll("(?s)elderly_age:.*?(?=\\nfamily_doctor_age:)", "");
        assertThat(problemsOf(replace(realRules(), "standards.yaml", standards)))
                .extracting(RuleProblem::message)
                .anyMatch(m -> m.contains("'elderly_age' is needed"));
    }

    @Test
    void theFolderReadsOnlyDrlFilesAndTheStandards(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.drl"), "package x;");
        Files.writeString(dir.resolve("standards.yaml"), "{}");
        Files.writeString(dir.resolve("notes.md"), "not a rule");
        Files.createDirectory(dir.resolve("scenarios"));
        assertThat(new RulesFolder(dir).read()).extracting(RuleSource::path).containsExactly("a.drl", "standards.yaml");
    }
}
