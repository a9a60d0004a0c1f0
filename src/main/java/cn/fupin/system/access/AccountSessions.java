package cn.fupin.system.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A dashboard session keeps the roles it signed in with; so it also keeps the account's change count of that
 * moment, and ends at the first request after the account has changed on any instance (password, roles,
 * region, disabled) or gone: the request goes on signed out, and is sent to the sign-in page (or answered
 * 401), where the user signs in again as the account now is.
 */
@Component
public class AccountSessions extends OncePerRequestFilter {

    private static final String VERSION = AccountSessions.class.getName() + ".version";

    private final SignedInAccounts accounts;

    AccountSessions(SignedInAccounts accounts) {
        this.accounts = accounts;
    }

    /** The sign-in form's success: the session remembers the account as it was, then goes where it was going. */
    public AuthenticationSuccessHandler signedIn(String defaultTarget) {
        SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
        then.setDefaultTargetUrl(defaultTarget);
        return (request, response, authentication) -> {
            accounts.version(authentication.getName())
                    .ifPresent(v -> request.getSession().setAttribute(VERSION, v));
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null
                && auth != null
                && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken)) {
            OptionalLong now = accounts.version(auth.getName());
            if (!(session.getAttribute(VERSION) instanceof Long then) || now.isEmpty() || now.getAsLong() != then) {
                session.invalidate();
                SecurityContextHolder.getContext()
                        .setAuthentication(new AnonymousAuthenticationToken(
                                "signed-out", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            }
        }
        chain.doFilter(request, response);
    }
}
