package cn.fupin.system.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of a test's own, on a port of its own, that the test can kill (SIGKILL, as a crash or a
 * pulled cable would) and start again on the same data: the suite's own server is shared by every test and
 * must stay up. Made with the machine's {@code mariadb-install-db} and {@code mariadbd}, in a scratch data
 * folder; grant tables are skipped (root without a password from loopback only), durability settings are the
 * server's defaults.
 */
final class OwnMariaDb implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private final Path dataDir;
    private final int port;
    private Process server;

    private OwnMariaDb(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(INSTALL);
    }

    static OwnMariaDb create() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("own-mariadb-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) { // mariadbd refuses to run as root: it runs as mysql, which must own the folder
            run(List.of("chown", "mysql:mysql", dir.toString()));
        }
        List<String> install = new ArrayList<>(List.of(
                INSTALL.toString(),
                "--no-defaults",
                "--datadir=" + dir,
                "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        if (root) {
            install.add("--user=mysql");
        }
        run(install);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        OwnMariaDb db = new OwnMariaDb(dir, port);
        db.start();
        return db;
    }

    String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                SERVER.toString(),
                "--no-defaults",
                "--datadir=" + dataDir,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + dataDir.resolve("mysqld.sock"),
                "--pid-file=" + dataDir.resolve("mysqld.pid"),
                "--skip-grant-tables",
                "--innodb-buffer-pool-size=64M",
                "--log-error=" + dataDir.resolve("error.log")));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=mysql");
        }
        server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.out").toFile())
                .start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (listening()) {
                return;
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd ended: " + Files.readString(dataDir.resolve("error.log")));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("mariadbd did not listen on " + port + " within 60 s");
    }

    /** Ends the server at once, as a crash would: no shutdown, whatever is in flight is cut off. */
    void kill() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
        while (listening()) {
            Thread.sleep(100);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (server != null && server.isAlive()) {
            kill();
        }
        run(List.of("rm", "-rf", dataDir.toString()));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new UncheckedIOException(new IOException(String.join(" ", command) + " failed: " + out));
        }
    }
}
