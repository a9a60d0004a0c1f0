package cn.fupin.system.access;

import cn.fupin.system.DatabaseUnavailable;
import cn.fupin.system.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-ins refused before the password is checked, from Spring Security's failure events: a locked account
 * ({@code SIGN_IN LOCKED}, even with the right password) or a disabled one ({@code DISABLED}). A wrong
 * password is {@link SignInAttempts}' (it counts towards the lock); a database that cannot be reached
 * cannot take the row either, and the client is told 503.
 */
@Component
class SignInRefusals {

    private final AuditTrail audit;

    SignInRefusals(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        Exception reason = event.getException();
        if (reason instanceof BadCredentialsException || DatabaseUnavailable.causes(reason)) {
            return;
        }
        String outcome = reason instanceof LockedException
                ? "LOCKED"
                : reason instanceof DisabledException ? "DISABLED" : "REFUSED";
        audit.recordAccount(event.getAuthentication().getName(), "SIGN_IN", outcome, null);
    }
}
