package cn.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * A slow export is not cut by the container's async timeout: the service's own (spring.mvc.async.request-timeout,
 * 30 min) applies. The container's 30 s is shortened here to 1 s so that a stream stalled for 3 s shows it.
 */
class StreamTimeoutTests extends ApiTestBase {

    static final long STALL_MILLIS = 3000;

    @TestConfiguration
    static class ShortContainerTimeout {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> asyncTimeoutOfOneSecond() {
            return factory -> factory.addConnectorCustomizers(connector -> connector.setAsyncTimeout(1000));
        }
    }

    @Autowired
    DataSource dataSource;

    /** Starts an export of the region and stalls it (after its first page) for {@link #STALL_MILLIS}. */
    static CompletableFuture<HttpResponse<InputStream>> stalledExport(Api api, DataSource dataSource, String region)
            throws Exception {
        CompletableFuture<HttpResponse<InputStream>> export;
        try (AuditStall stall = new AuditStall(dataSource)) {
            export = api.client()
                    .sendAsync(
                            api.request("/api/households/export?regionCode=" + region, "caseworker")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            Thread.sleep(STALL_MILLIS);
        }
        return export;
    }

    @Test
    void anExportStalledLongerThanTheContainersTimeoutArrivesWhole() throws Exception {
        String region = HouseholdImportExportTests.newRegion();
        api.postNdjson(
                "/api/households/import",
                "caseworker",
                HouseholdImportExportTests.households(region, HouseholdExport.PAGE + 20));
        long started = System.nanoTime();
        HttpResponse<InputStream> export =
                stalledExport(api, dataSource, region).get();
        List<String> received = new ArrayList<>();
        try {
            HouseholdImportExportTests.readLines(export.body(), received);
        } catch (IOException e) {
            throw new AssertionError("the stream was cut after " + received.size() + " lines", e);
        }
        assertThat((System.nanoTime() - started) / 1_000_000)
                .as("the stream stalled")
                .isGreaterThanOrEqualTo(STALL_MILLIS);
        assertThat(received)
                .hasSize(HouseholdExport.PAGE + 20 + 1)
                .last()
                .isEqualTo(ExportEnd.line(HouseholdExport.PAGE + 20));
    }
}
