package cn.fupin.system;

import cn.fupin.system.access.RegionScope;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, with which roles and in which region ('' for every region): the dashboard shows only what
 * those roles may see.
 */
@RestController
class CurrentUser {

    record Me(String username, List<String> roles, String regionPrefix) {}

    private final RegionScope scope;

    CurrentUser(RegionScope scope) {
        this.scope = scope;
    }

    @Operation(summary = "The signed-in user, roles and region prefix")
    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        return new Me(
                authentication.getName(),
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_"))
                        .map(a -> a.substring("ROLE_".length()))
                        .sorted()
                        .toList(),
                scope.prefix());
    }
}
