package cn.fupin.system;

import java.io.IOException;
import java.nio.file.Path;

import cn.fupin.FupinApplication;
import cn.fupin.policy.RuleSetException;
import cn.fupin.policy.RulesCopy;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service refuses to start rather than run with demo passwords in production or broken rules. */
class StartupGuardTests {

    /** Starts the service with command-line arguments, which win over application.yaml as they do in use. */
    private static void start(String profile, String... args) {
        String[] all = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:guard;MODE=MySQL"),
                java.util.Arrays.stream(args)).toArray(String[]::new);
        // The profile is given on the command line so that it replaces any the test run was started with.
        String[] withProfile = java.util.stream.Stream.concat(Arrays.stream(all),
                java.util.stream.Stream.of("--spring.profiles.active=" + (profile == null ? "default" : profile)))
                .toArray(String[]::new);
        new SpringApplicationBuilder(FupinApplication.class).logStartupInfo(false).run(withProfile).close();
    }

    @Test
    void aProfileOtherThanTheEmbeddedDefaultRefusesTheDemoPasswords() {
        assertThatThrownBy(() -> start("production"))
                .hasStackTraceContaining("still has a default password");
    }

    @Test
    void aProfileOtherThanTheEmbeddedDefaultStartsWithItsOwnPasswords() {
        start("production",
                "--app.security.users.caseworker.password={noop}s3cret-1",
                "--app.security.users.policy.password={noop}s3cret-2",
                "--app.security.users.admin.password={noop}s3cret-3");
    }

    @Test
    void aProfileOtherThanTheEmbeddedDefaultRefusesToStartWithoutKeysForIdNumbers() {
        assertThatThrownBy(() -> start("production",
                "--app.security.users.caseworker.password={noop}s3cret-1",
                "--app.security.users.policy.password={noop}s3cret-2",
                "--app.security.users.admin.password={noop}s3cret-3",
                "--app.personal-data.key-file=", "--app.personal-data.create-key-file=false"))
                .hasStackTraceContaining("No keys for ID numbers");
    }

    @Test
    void aRulesFolderThatDoesNotCompileStopsTheStartNamingFileAndLine(@TempDir Path dir) throws IOException {
        RulesCopy.into(dir, false);
        RulesCopy.edit(dir, "water.drl", "safeDrinkingWater == false )", "safeDrinkingWater == false");
        assertThatThrownBy(() -> start(null, "--app.rules-dir=" + dir))
                .hasRootCauseInstanceOf(RuleSetException.class)
                .hasStackTraceContaining("water.drl:12");
    }
}
