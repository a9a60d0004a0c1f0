package cn.fupin.system.access;

import cn.fupin.system.audit.AuditTrail;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first users, from configuration ({@code app.security.users.<name>}: password as {@code {bcrypt}…},
 * roles, optional regionPrefix): each is created at start-up if the database does not have it yet, and is
 * from then on managed through {@code /api/users}. Only the embedded default brings the demo users
 * (application-default.yaml); every other profile has just the users it configures, refuses a demo password,
 * and on an empty database refuses to start without a configured ADMIN (who then creates the others, each
 * bound to a region).
 */
@Component
@ConditionalOnWebApplication
@EnableConfigurationProperties(UserBootstrap.Configured.class)
class UserBootstrap {

    @ConfigurationProperties("app.security")
    record Configured(Map<String, Account> users) {
        record Account(String password, List<Role> roles, String regionPrefix) {}
    }

    static final List<String> DEMO_PASSWORDS = List.of("caseworker-demo", "policy-demo", "admin-demo");
    private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

    private final Configured configured;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final Environment environment;
    private final Clock clock;
    private final AuditTrail audit;

    UserBootstrap(
            Configured configured,
            UserAccounts accounts,
            PasswordEncoder encoder,
            Environment environment,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.configured = configured;
        this.accounts = accounts;
        this.encoder = encoder;
        this.environment = environment;
        this.clock = clock;
    }

    @PostConstruct
    void createConfiguredUsers() {
        Map<String, Configured.Account> users = configured.users() == null ? Map.of() : configured.users();
        boolean embeddedDefault = Arrays.stream(environment.getActiveProfiles()).allMatch("default"::equals);
        if (!embeddedDefault) {
            refuseDemoPasswords(users);
            boolean anAdmin = users.values().stream()
                    .anyMatch(a -> a.roles() != null && a.roles().contains(Role.ADMIN));
            if (!anAdmin && accounts.count() == 0) {
                throw new IllegalStateException("No ADMIN: configure a first ADMIN as app.security.users.<name>"
                        + " (password as a {bcrypt} hash, roles: [ADMIN]), then create the others through /api/users");
            }
        }
        Instant now = clock.instant();
        users.forEach((name, account) -> {
            String prefix = account.regionPrefix() == null ? "" : account.regionPrefix();
            if (accounts.create(
                    new UserAccount(name, account.password(), account.roles(), prefix, true, 0, null, now, now))) {
                log.info("Created configured user {} with roles {}", name, account.roles());
                // As a user created through the API is: the first ADMIN's account is in the trail too.
                audit.record("USER_CREATE", null, "CREATED", "user " + name + " from the configuration");
            }
        });
    }

    private void refuseDemoPasswords(Map<String, Configured.Account> users) {
        users.forEach((name, account) -> {
            String password = account.password();
            if (password == null
                    || password.isBlank()
                    || DEMO_PASSWORDS.stream().anyMatch(demo -> encoder.matches(demo, password))) {
                throw new IllegalStateException("User '" + name + "' still has a default password; outside the "
                        + "embedded default set app.security.users." + name + ".password (e.g. a {bcrypt} hash)");
            }
        });
    }
}
