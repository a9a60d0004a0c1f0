package cn.fupin.system;

import cn.fupin.FupinApplication;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * More instances of the service in the test's JVM, each on a free port, for the tests of several instances
 * sharing a database (and a broker): runs, account changes, rule sets across replicas, remote partitioning.
 */
public final class Instances {

    private Instances() {}

    /** An instance started with these arguments besides a free port. */
    public static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(FupinApplication.class)
                .logStartupInfo(false)
                .run(all.toArray(String[]::new));
    }

    /** The API of an instance, signing in with the users it was configured with. */
    public static Api api(ConfigurableApplicationContext instance) {
        return new Api(
                Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")),
                instance.getEnvironment());
    }

    /** Whether a RabbitMQ broker listens where the tests of several instances expect it (.ci/run starts it). */
    public static boolean brokerListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
