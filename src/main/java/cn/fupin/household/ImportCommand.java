package cn.fupin.household;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar <jar> import FILE [--overwrite] [--spring.profiles.active=mysql …]}: the service's import
 * without its web server, on the database it is configured for; beans are created only when needed, so the
 * rules are not compiled. {@code --overwrite} replaces households stored at a newer version than their line.
 * Exit status 0 when every line was stored and the file is known complete, 3 when some were rejected (each
 * printed, up to app.import.max-rejected-listed), left unread (past app.import.max-lines) or the file is not
 * known complete (no export end line, or one that does not count what came before it), 1 when the import
 * could not run.
 */
public final class ImportCommand {

    private ImportCommand() {}

    public static boolean handles(String[] args) {
        return args.length >= 2 && args[0].equals("import");
    }

    public static int run(Class<?> application, String[] args, PrintStream err) {
        Path file = Path.of(args[1]);
        boolean overwrite = Arrays.asList(args).subList(2, args.length).contains("--overwrite");
        String[] springArgs = Arrays.stream(args, 2, args.length)
                .filter(a -> !a.equals("--overwrite"))
                .toArray(String[]::new);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                        .web(WebApplicationType.NONE)
                        .lazyInitialization(true)
                        .logStartupInfo(false)
                        .run(springArgs);
                InputStream in = Files.newInputStream(file)) {
            long ready = System.nanoTime();
            HouseholdImport.Outcome outcome =
                    context.getBean(HouseholdImport.class).importFrom(in, overwrite);
            outcome.rejectedLines()
                    .forEach(line -> err.println(
                            "line " + line.line() + (line.householdId() == null ? "" : " (" + line.householdId() + ")")
                                    + ": " + line.errors()));
            if (outcome.rejectedNotListed() > 0) {
                err.printf(
                        "%,d more rejected lines not listed (app.import.max-rejected-listed)%n",
                        outcome.rejectedNotListed());
            }
            if (outcome.truncated()) {
                err.printf("not read from line %,d on: more lines than app.import.max-lines%n", outcome.unreadFrom());
            }
            if (!outcome.complete()) {
                err.println("not known complete: " + outcome.incompleteReason());
            }
            long done = System.nanoTime();
            err.printf(
                    "%s: %,d lines, %,d households stored, %,d rejected in %.1f s (start-up %.1f s, import %.1f s)%n",
                    file,
                    outcome.lines(),
                    outcome.stored(),
                    outcome.rejected(),
                    (done - started) / 1e9,
                    (ready - started) / 1e9,
                    (done - ready) / 1e9);
            return outcome.rejected() == 0 && !outcome.truncated() && outcome.complete() ? 0 : 3;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
