package cn.fupin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.FupinApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A rule set activated while the broker is away stays activated: policy staff's reload answers 200 and the
 * instance decides with the new version, and the log says the others were not told. Through the real reload
 * on an instance with {@code app.cluster.enabled}, whose broker is a port nobody listens on.
 */
@ExtendWith(OutputCaptureExtension.class)
class RuleSetBroadcastTests {

    @Test
    void aReloadWithTheBrokerAwayActivatesAndSaysTheOthersWereNotTold(CapturedOutput log) throws Exception {
        Path rules = RulesCopy.create(true);
        try (var instance = new SpringApplicationBuilder(FupinApplication.class)
                .logStartupInfo(false)
                .run(
                        "--spring.profiles.active=broadcast",
                        "--server.port=0",
                        "--app.rules-dir=" + rules,
                        "--app.cluster.enabled=true",
                        "--spring.rabbitmq.port=1",
                        "--spring.rabbitmq.connection-timeout=1s",
                        // Nothing to hear from a broker that is not there: the listener would only retry meanwhile.
                        "--spring.rabbitmq.listener.simple.auto-startup=false",
                        "--app.security.users.chief.password={noop}chief-secret-1",
                        "--app.security.users.chief.roles=ADMIN,POLICY",
                        "--spring.datasource.url=jdbc:h2:mem:broadcast-" + UUID.randomUUID()
                                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")) {
            ActiveRuleSet active = instance.getBean(ActiveRuleSet.class);
            String before = active.get().version();
            RulesCopy.edit(rules, "water.drl", "家庭尚未实现安全饮水", "家庭尚未实现安全饮水（已改）");

            HttpResponse<String> reload = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                            + instance.getEnvironment().getRequiredProperty("local.server.port")
                                            + "/api/rulesets/reload"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString("chief:chief-secret-1"
                                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
            assertThat(active.get().version()).isNotEqualTo(before);
            assertThat(log.getOut()).contains("is active on this instance but could not be announced to the others");
        }
    }
}
