package cn.fupin.system.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** {@code password}: the hash the first ADMIN's configuration takes, which the service then accepts. */
class PasswordCommandTests {

    @Test
    void aPasswordReadFromStandardInputIsPrintedAsABcryptHashTheServiceAccepts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = PasswordCommand.run(
                new ByteArrayInputStream("chief-secret-1\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(status).isZero();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("chief-secret-1");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("chief-secret-1", hash))
                .isTrue();
    }

    @Test
    void anEmptyPasswordIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(PasswordCommand.run(
                        new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(out.size()).isZero();
    }
}
