package cn.fupin.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.policy.RulesCopy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules validate [DIR]} from the command line: the same gate, an exit status for scripts. */
class RulesCommandTests {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return RulesCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theRulesFolderPassesWithExitStatusZero() {
        assertThat(RulesCommand.handles(new String[] {"rules", "validate"})).isTrue();
        assertThat(run("rules", "validate", "rules")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"valid\" : true");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("OK");
    }

    @Test
    void aBrokenFolderFailsWithItsFileAndLine(@TempDir Path dir) throws IOException {
        RulesCopy.into(dir, false);
        RulesCopy.edit(dir, "water.drl", "safeDrinkingWater == false )", "safeDrinkingWater == false");
        assertThat(run("rules", "validate", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("water.drl:12")
                .contains("REFUSED");
    }
}
