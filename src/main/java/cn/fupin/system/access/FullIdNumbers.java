package cn.fupin.system.access;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whether this request gets full ID numbers: only when it asks ({@code unmask=true}) and its user holds
 * ID_NUMBER_READER; asking without the role is refused (403), so nobody mistakes a masked answer for a full
 * one. The caller audits every full read.
 */
@Component
public class FullIdNumbers {

    /** True when the request asked for full numbers and may have them; false when it did not ask. */
    public boolean granted(String unmask) {
        if (unmask == null || unmask.equalsIgnoreCase("false")) {
            return false;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean reader = auth != null
                && auth.getAuthorities().stream()
                        .anyMatch(a -> Role.ID_NUMBER_READER.authority().equals(a.getAuthority()));
        if (!reader) {
            throw new AccessDeniedException("Full ID numbers need the ID_NUMBER_READER role");
        }
        return true;
    }
}
