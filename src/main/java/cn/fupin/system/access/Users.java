package cn.fupin.system.access;

import cn.fupin.system.ConflictException;
import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import cn.fupin.system.NotFoundException;
import cn.fupin.system.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Creating, changing and listing users (ADMIN). Passwords are stored as BCrypt hashes only. */
@Service
class Users {

    /** A user as the API shows it: never the password or its hash. */
    record UserView(
            String username,
            List<Role> roles,
            String regionPrefix,
            boolean enabled,
            boolean locked,
            Instant lockedUntil,
            Instant createdAt,
            Instant updatedAt) {}

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    Users(
            UserAccounts accounts,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    UserView create(JsonNode body) {
        FieldErrors errors = new FieldErrors();
        UserRequest r = UserRequest.create(body, errors);
        if (r.roles() != null) {
            UserRequest.checkRegion(r.roles(), r.regionPrefix(), errors);
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        UserAccount account = new UserAccount(
                r.username(),
                encoder.encode(r.password()),
                r.roles(),
                r.regionPrefix() == null ? "" : r.regionPrefix(),
                r.enabled() == null || r.enabled(),
                0,
                null,
                now,
                now);
        if (!accounts.create(account)) {
            throw new ConflictException("User " + r.username() + " exists already", Map.of("username", r.username()));
        }
        audit.record("USER_CREATE", null, "CREATED", "user " + r.username());
        return view(account);
    }

    @Transactional
    UserView change(String username, JsonNode body) {
        UserAccount a = accounts.find(username).orElseThrow(() -> new NotFoundException("No user " + username));
        FieldErrors errors = new FieldErrors();
        UserRequest r = UserRequest.patch(body, errors);
        List<Role> roles = r.roles() != null ? r.roles() : a.roles();
        String region = r.regionPrefix() != null ? r.regionPrefix() : a.regionPrefix();
        UserRequest.checkRegion(roles, region, errors);
        if (Boolean.TRUE.equals(r.locked())) {
            errors.add(
                    new FieldError("locked", "can only be false (lifts a lock); to stop a user, set enabled to false"));
        }
        errors.throwIfAny();
        boolean unlock = Boolean.FALSE.equals(r.locked());
        UserAccount changed = new UserAccount(
                a.username(),
                r.password() != null ? encoder.encode(r.password()) : a.passwordHash(),
                roles,
                region,
                r.enabled() != null ? r.enabled() : a.enabled(),
                unlock ? 0 : a.failedSignIns(),
                unlock ? null : a.lockedUntil(),
                a.createdAt(),
                clock.instant());
        accounts.update(changed);
        events.publishEvent(new AccountChanged(username));
        audit.record(
                "USER_CHANGE", null, "CHANGED", "user " + username + ": " + String.join(", ", body.propertyNames()));
        return view(changed);
    }

    List<UserView> all() {
        return accounts.all().stream().map(this::view).toList();
    }

    UserView one(String username) {
        return accounts.find(username).map(this::view).orElseThrow(() -> new NotFoundException("No user " + username));
    }

    private UserView view(UserAccount a) {
        return new UserView(
                a.username(),
                a.roles(),
                a.regionPrefix(),
                a.enabled(),
                a.lockedAt(clock.instant()),
                a.lockedAt(clock.instant()) ? a.lockedUntil() : null,
                a.createdAt(),
                a.updatedAt());
    }
}
