package cn.fupin.system.audit;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar <jar> audit verify [--spring.profiles.active=mysql …]}: checks the audit trail's keyed chain
 * on the configured database, and that it still holds every head anchored in {@code app.audit.anchor-dir}. Exit status 0 when intact, 4 when broken (the first bad row is printed).
 */
public final class AuditCommand {

    private AuditCommand() {}

    public static boolean handles(String[] args) {
        return args.length >= 2 && args[0].equals("audit") && args[1].equals("verify");
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        String[] springArgs = Arrays.copyOfRange(args, 2, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .logStartupInfo(false)
                .run(springArgs)) {
            List<AuditAnchors.Anchor> anchored =
                    context.getBean(AuditAnchors.class).all();
            AuditChain.Verification v = context.getBean(AuditChain.class).verify(anchored);
            if (v.intact()) {
                out.printf(
                        "audit trail intact: %,d rows; head hash %s; %,d anchored heads found in it%n",
                        v.rows(), v.headHash(), anchored.size());
                return 0;
            }
            out.printf(
                    "audit trail BROKEN at row %d: %s (%,d rows before it are intact)%n",
                    v.brokenAt(), v.problem(), v.rows());
            return 4;
        }
    }
}
