package cn.fupin.household;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import cn.fupin.system.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stream cut by the async timeout (set to 1 s here) is aborted: the client sees a truncated download, not
 * one that ends cleanly without its last households (and a re-import that looks complete but for the end line).
 */
@TestPropertySource(properties = "spring.mvc.async.request-timeout=1s")
class StreamCutTests extends ApiTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void anExportCutByTheTimeoutIsAbortedNotEndedCleanly() throws Exception {
        String region = HouseholdImportExportTests.newRegion();
        api.postNdjson("/api/households/import", "caseworker",
                HouseholdImportExportTests.households(region, HouseholdExport.PAGE + 20));
        HttpResponse<InputStream> export = StreamTimeoutTests.stalledExport(api, dataSource, region).get();
        assertThat(export.statusCode()).isEqualTo(200);
        List<String> received = new ArrayList<>();
        assertThatThrownBy(() -> HouseholdImportExportTests.readLines(export.body(), received))
                .as("the stream must end in an error, not cleanly").isInstanceOf(IOException.class);
        assertThat(received).hasSizeLessThan(HouseholdExport.PAGE + 20 + 1).noneMatch(l -> l.contains("exportEnd"));
    }
}
