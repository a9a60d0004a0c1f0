package cn.fupin.matching;

import cn.fupin.household.Household;
import cn.fupin.policy.RuleSet;
import cn.fupin.policy.RuleSetCompiler;
import cn.fupin.policy.RulesFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of evaluating one household: alone in a session (a case worker's preview), in sessions of
 * {@value #BATCH} households (a bulk run), and through the plain-Java reading of the policy (the floor).
 * Run with {@code mvn -Pbench test-compile exec:exec} (see src/bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

    static final int BATCH = 200;
    static final LocalDate AS_OF = LocalDate.parse("2020-06-30");

    RuleSet ruleSet;
    List<RuleSession.Input> inputs;
    /** The plain-Java reading's standards per household, looked up before measuring (as the engine's are). */
    List<ReferenceStandards.Values> referenceValues;

    /** Each benchmark thread walks the households on its own, from its own place. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = ThreadLocalRandom.current().nextInt(1_000);
    }

    @Setup
    public void setUp() {
        ruleSet = new RuleSetCompiler(Clock.systemUTC()).compile(new RulesFolder(Path.of("rules")).read());
        RandomHouseholds households = new RandomHouseholds(7);
        ReferenceStandards reference = ReferenceStandards.of(Path.of("rules"));
        inputs = new ArrayList<>();
        referenceValues = new ArrayList<>();
        for (int n = 0; n < 10_000; n++) {
            Household household = households.next(n, AS_OF);
            inputs.add(new RuleSession.Input(household, ruleSet.standards().resolve(household.regionCode(), AS_OF)));
            referenceValues.add(reference.on(household.regionCode(), AS_OF));
        }
    }

    private RuleSession.Input nextInput(Cursor cursor) {
        cursor.next = (cursor.next + 1) % inputs.size();
        return inputs.get(cursor.next);
    }

    /** The preview path: one household alone in a session. */
    @Benchmark
    public Object onePerSession(Cursor cursor) {
        return RuleSession.run(ruleSet, List.of(nextInput(cursor)), AS_OF);
    }

    /** The bulk path: {@value #BATCH} households in one session; each counts as one operation. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object batchedSessions(Cursor cursor) {
        int from = cursor.next % (inputs.size() - BATCH);
        cursor.next = (from + BATCH) % (inputs.size() - BATCH);
        return RuleSession.run(ruleSet, inputs.subList(from, from + BATCH), AS_OF);
    }

    /** The floor: the same 24 measures in plain Java (RulesAgreeWithPolicyTests checks that the answers agree). */
    @Benchmark
    public Object plainJavaFloor(Cursor cursor) {
        RuleSession.Input input = nextInput(cursor);
        return ReferencePolicy.measures(input.household(), referenceValues.get(cursor.next), AS_OF);
    }
}
