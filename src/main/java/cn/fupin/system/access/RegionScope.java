package cn.fupin.system.access;

import cn.fupin.system.NotFoundException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The region the signed-in user works in. A user sees and changes only households whose region code starts
 * with the user's prefix ('' for the demo and configured users, and for an ADMIN without one); anything else is answered as if it did not exist (404), so
 * nobody learns which households another county holds. The prefix is read from the user's account once per
 * request, so a changed region or a disabled account takes effect at the next request, in every session.
 * Work that no signed-in user started (bulk runs, commands) is not bounded.
 */
@Component
public class RegionScope {

    private static final String PREFIX = RegionScope.class.getName() + ".prefix";

    private final SignedInAccounts accounts;

    RegionScope(SignedInAccounts accounts) {
        this.accounts = accounts;
    }

    /** The signed-in user's region prefix; '' for every region. */
    public String prefix() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(PREFIX, RequestAttributes.SCOPE_REQUEST) instanceof String known) {
            return known;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String prefix = "";
        if (auth != null && auth.isAuthenticated() && auth.getName() != null) {
            Optional<UserAccount> account = accounts.find(auth.getName());
            // An account deleted or disabled since sign-in keeps its session only to be shown nothing.
            prefix = account.filter(UserAccount::enabled)
                    .map(UserAccount::regionPrefix)
                    .orElse("\u0000none");
        }
        if (request != null) {
            request.setAttribute(PREFIX, prefix, RequestAttributes.SCOPE_REQUEST);
        }
        return prefix;
    }

    /** Whether a household of this region code is within the user's region. */
    public boolean covers(String regionCode) {
        return regionCode != null && regionCode.startsWith(prefix());
    }

    /**
     * The part of a requested region the user may see: the requested prefix if it lies within the user's
     * region, the user's region if the request covers more ('' or the province asked by a county user);
     * 404 when the two do not overlap.
     */
    public String narrow(String requestedPrefix) {
        String mine = prefix();
        String requested = requestedPrefix == null ? "" : requestedPrefix;
        if (requested.startsWith(mine)) {
            return requested;
        }
        if (mine.startsWith(requested)) {
            return mine;
        }
        throw new NotFoundException("Nothing under region " + requested + " within your region " + mine);
    }

    /** Whether the region a bulk run or a report covers overlaps the user's region at all. */
    public boolean overlaps(String regionPrefix) {
        String mine = prefix();
        String other = regionPrefix == null ? "" : regionPrefix;
        return other.startsWith(mine) || mine.startsWith(other);
    }
}
