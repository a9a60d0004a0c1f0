package cn.fupin.system.access;

import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The account of the user a request is signed in as, read from the database once per request and shared by
 * everything in it that asks (the sign-in check, the session check, the region scope). The database is what
 * every instance shares, so reading it at every request is what makes an ADMIN's change on one instance
 * apply at the user's next request on all of them; one primary-key read per request is the price.
 */
@Component
public class SignedInAccounts {

    private static final String KEY = SignedInAccounts.class.getName() + ".";

    private final UserAccounts accounts;

    SignedInAccounts(UserAccounts accounts) {
        this.accounts = accounts;
    }

    Optional<UserAccount> find(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return accounts.find(username);
        }
        @SuppressWarnings("unchecked")
        Optional<UserAccount> known =
                (Optional<UserAccount>) request.getAttribute(KEY + username, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = accounts.find(username);
            request.setAttribute(KEY + username, known, RequestAttributes.SCOPE_REQUEST);
        }
        return known;
    }

    /** The account's change count, if it exists and is enabled: what a remembered sign-in is checked against. */
    public OptionalLong version(String username) {
        return find(username)
                .filter(UserAccount::enabled)
                .map(a -> OptionalLong.of(a.version()))
                .orElse(OptionalLong.empty());
    }
}
