package cn.fupin.system.access;

import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The account of the user a request is signed in as, read once per request and shared by everything in it
 * that asks (the sign-in check, the session check, the region scope). The database is what every instance
 * shares: an ADMIN's change on one instance applies at the user's next request on all of them because each
 * request reads it there, or, while changes are announced between instances, because every instance drops
 * what it kept of the account when the change is announced ({@link KnownAccounts}).
 */
@Component
public class SignedInAccounts {

    private static final String KEY = SignedInAccounts.class.getName() + ".";

    private final UserAccounts accounts;
    private final KnownAccounts known;

    SignedInAccounts(UserAccounts accounts, KnownAccounts known) {
        this.accounts = accounts;
        this.known = known;
    }

    Optional<UserAccount> find(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return known.find(username, accounts::find);
        }
        @SuppressWarnings("unchecked")
        Optional<UserAccount> memo =
                (Optional<UserAccount>) request.getAttribute(KEY + username, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = known.find(username, accounts::find);
            request.setAttribute(KEY + username, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return memo;
    }

    /** The account's change count, if it exists and is enabled: what a remembered sign-in is checked against. */
    public OptionalLong version(String username) {
        return find(username)
                .filter(UserAccount::enabled)
                .map(a -> OptionalLong.of(a.version()))
                .orElse(OptionalLong.empty());
    }
}
