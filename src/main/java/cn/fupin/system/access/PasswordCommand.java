package cn.fupin.system.access;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar <jar> password}: reads a password (from the terminal without echo, or one line of standard
 * input) and prints it as the {@code {bcrypt}…} hash that {@code app.security.users.<name>.password} takes,
 * so that the first ADMIN's password never stands in a configuration file in plain. Exit status 0, or 2
 * when the password is empty.
 */
public final class PasswordCommand {

    private PasswordCommand() {}

    public static boolean handles(String[] args) {
        return args.length >= 1 && args[0].equals("password");
    }

    public static int run(InputStream in, PrintStream out, PrintStream err) throws IOException {
        Console console = System.console();
        String password;
        if (console != null && in == System.in) {
            char[] typed = console.readPassword("password: ");
            password = typed == null ? null : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            err.println("no password given");
            return 2;
        }
        out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
        return 0;
    }
}
