package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fupin.system.ApiTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A stream cut by the async timeout (set to 1 s here) is aborted: the client sees a truncated download, not
 * one that ends cleanly without its last households (and a re-import that looks complete but for the end line).
 */
@TestPropertySource(properties = "spring.mvc.async.request-timeout=1s")
class StreamCutTests extends ApiTestBase {

    @Autowired
    DataSource dataSource;

    /**
     * The stall starts once the first line has arrived: the answer is committed, and the next page cannot be
     * sent because its audit row waits on the held head of the chain (each page is audited before it is
     * sent). Four more pages follow the first, so the stall begins well before the end.
     */
    @Test
    void anExportCutByTheTimeoutIsAbortedNotEndedCleanly() throws Exception {
        String region = HouseholdImportExportTests.newRegion();
        int households = HouseholdExport.PAGE * 4 + 20;
        api.postNdjson(
                "/api/households/import", "caseworker", HouseholdImportExportTests.households(region, households));
        HttpResponse<InputStream> export = api.client()
                .send(
                        api.request("/api/households/export?regionCode=" + region, "caseworker")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).isEqualTo(200);
        List<String> received = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
            received.add(in.readLine());
            try (AuditStall stall = new AuditStall(dataSource)) {
                assertThatThrownBy(() -> {
                            for (String line = in.readLine(); line != null; line = in.readLine()) {
                                received.add(line);
                            }
                        })
                        .as("the stream must end in an error, not cleanly")
                        .isInstanceOf(IOException.class);
            }
        }
        assertThat(received).hasSizeLessThan(households + 1).noneMatch(l -> l.contains("exportEnd"));
    }
}
