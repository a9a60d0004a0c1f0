package cn.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fupin.FupinApplication;
import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.policy.RuleSetException;
import cn.fupin.policy.RulesCopy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service refuses to start rather than run with demo users or passwords in production, without keys, or
 * with rules that do not pass their gate.
 */
class StartupGuardTests {

    /** Starts the service with command-line arguments, which win over application.yaml as they do in use. */
    private static void start(String profile, String... args) {
        String[] all = Stream.concat(
                        Stream.of("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:guard;MODE=MySQL"),
                        Arrays.stream(args))
                .toArray(String[]::new);
        // The profile is given on the command line so that it replaces any the test run was started with.
        String[] withProfile = Stream.concat(
                        Arrays.stream(all),
                        Stream.of("--spring.profiles.active=" + (profile == null ? "default" : profile)))
                .toArray(String[]::new);
        new SpringApplicationBuilder(FupinApplication.class)
                .logStartupInfo(false)
                .run(withProfile)
                .close();
    }

    @Test
    void aProfileOtherThanTheEmbeddedDefaultRefusesTheDemoPasswords() {
        assertThatThrownBy(() -> start(
                        "production",
                        "--app.security.users.admin.password={noop}admin-demo",
                        "--app.security.users.admin.roles=ADMIN"))
                .hasStackTraceContaining("still has a default password");
    }

    @Test
    void aProfileOtherThanTheEmbeddedDefaultRefusesAnEmptyDatabaseWithoutAnAdmin() {
        assertThatThrownBy(() -> start(
                        "production",
                        "--app.security.users.clerk.password={noop}s3cret-1",
                        "--app.security.users.clerk.roles=CASEWORKER"))
                .hasStackTraceContaining("No ADMIN");
    }

    @Test
    void aProfileOtherThanTheEmbeddedDefaultHasItsOneConfiguredAdminAndNoDemoUser() throws Exception {
        try (var service = new SpringApplicationBuilder(FupinApplication.class)
                .logStartupInfo(false)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:guard;MODE=MySQL",
                        "--app.security.users.chief.password={noop}s3cret-1",
                        "--app.security.users.chief.roles=ADMIN",
                        "--spring.profiles.active=production")) {
            int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(get(port, "/api/users", "chief:s3cret-1").body())
                    .contains("\"chief\"")
                    .doesNotContain("caseworker")
                    .doesNotContain("\"policy\"")
                    .doesNotContain("\"admin\"");
            for (String demo : new String[] {"caseworker:caseworker-demo", "policy:policy-demo", "admin:admin-demo"}) {
                assertThat(get(port, "/api/me", demo).statusCode()).as(demo).isEqualTo(401);
            }
        }
    }

    private static HttpResponse<String> get(int port, String path, String credentials) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aProfileOtherThanTheEmbeddedDefaultRefusesToStartWithoutKeysForIdNumbers() {
        assertThatThrownBy(() -> start(
                        "production",
                        "--app.security.users.chief.password={noop}s3cret-1",
                        "--app.security.users.chief.roles=ADMIN",
                        "--app.personal-data.key-file=",
                        "--app.personal-data.create-key-file=false"))
                .hasStackTraceContaining("No keys for ID numbers");
    }

    /** Starts the embedded default on a database of its own and leaves it running for the test to ask. */
    private static ConfigurableApplicationContext run(String database, Path rules) {
        return new SpringApplicationBuilder(FupinApplication.class)
                .logStartupInfo(false)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:" + database + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                        "--app.rules-dir=" + rules,
                        "--spring.profiles.active=default");
    }

    @Test
    void aFolderFailingAScenarioNeverGoesLiveAtStartTheLastActivatedVersionDecides(@TempDir Path dir) throws Exception {
        String database = "guard-" + UUID.randomUUID();
        RulesCopy.into(dir, true);
        String approved;
        try (var first = run(database, dir)) {
            approved = first.getBean(ActiveRuleSet.class).get().version();
        }
        RulesCopy.edit(dir, "water.drl", "safeDrinkingWater == false", "safeDrinkingWater == true");
        try (var second = run(database, dir)) {
            ActiveRuleSet active = second.getBean(ActiveRuleSet.class);
            assertThat(active.get().version()).as("the version activated last").isEqualTo(approved);
            assertThat(active.refusedAtStart())
                    .get()
                    .satisfies(report -> assertThat(report.failingScenarios()).isNotEmpty());
            int port = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            var answer = get(port, "/api/rulesets/active", "admin:admin-demo");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body())
                    .contains(approved)
                    .contains("folderRefused")
                    .contains("water.yaml");
        }
    }

    @Test
    void aFolderFailingAScenarioStopsAFirstStartNamingTheScenario(@TempDir Path dir) throws IOException {
        RulesCopy.into(dir, true);
        RulesCopy.edit(dir, "water.drl", "safeDrinkingWater == false", "safeDrinkingWater == true");
        assertThatThrownBy(() -> start(null, "--app.rules-dir=" + dir))
                .hasRootCauseInstanceOf(RuleSetException.class)
                .hasStackTraceContaining("water.yaml")
                .hasStackTraceContaining("fails");
    }

    @Test
    void aFolderWithoutScenariosStopsAFirstStartNamingEveryUntestedMeasure(@TempDir Path dir) throws IOException {
        RulesCopy.into(dir, false);
        assertThatThrownBy(() -> start(null, "--app.rules-dir=" + dir))
                .hasRootCauseInstanceOf(RuleSetException.class)
                .hasStackTraceContaining("water.drl:")
                .hasStackTraceContaining("measure WATER_SAFETY has no scenario")
                .hasStackTraceContaining("finding HEAD_MISSING has no scenario");
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
