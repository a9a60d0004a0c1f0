package cn.fupin.scenario;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import cn.fupin.policy.RulesFolder;
import cn.fupin.policy.ValidationReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar <jar> rules validate [DIR]}: the same gate as the service's validate, without starting
 * it, for policy offices that keep their rules in a repository of their own. Prints the report as JSON and
 * a line per problem; the exit status is 0 when the folder passes and 1 when it does not.
 */
public final class RulesCommand {

    private RulesCommand() {}

    public static boolean handles(String[] args) {
        return args.length >= 2 && args[0].equals("rules") && args[1].equals("validate");
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path dir = Path.of(args.length > 2 ? args[2] : "rules").toAbsolutePath().normalize();
        ValidationReport report = new ScenarioGate(Clock.system(ZoneId.of("Asia/Shanghai")))
                .check(new RulesFolder(dir), null)
                .report();
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        out.println(json.writeValueAsString(report));
        report.errors().forEach(problem -> err.println("ERROR " + problem));
        report.failingScenarios()
                .forEach(s -> err.println("FAIL  " + s.file() + ": " + s.name() + " — " + s.failures()));
        err.println((report.valid() ? "OK    " : "REFUSED ") + dir + ": " + report.scenariosPassed() + "/"
                + report.scenarios() + " scenarios passed"
                + (report.version() == null ? "" : ", version " + report.version()));
        return report.valid() ? 0 : 1;
    }
}
