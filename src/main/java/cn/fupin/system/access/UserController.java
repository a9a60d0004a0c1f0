package cn.fupin.system.access;

import cn.fupin.system.audit.Audited;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Users and their roles and regions, for ADMIN. */
@RestController
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    @Operation(summary = "Creates a user: username, password, roles, regionPrefix (required for CASEWORKER and POLICY)")
    @Audited("USER_CREATE")
    @PostMapping(path = "/api/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Users.UserView> create(@RequestBody JsonNode body) {
        Users.UserView created = users.create(body);
        return ResponseEntity.created(URI.create("/api/users/" + created.username()))
                .body(created);
    }

    @Operation(summary = "Every user, by username")
    @GetMapping("/api/users")
    List<Users.UserView> all() {
        return users.all();
    }

    @Operation(summary = "One user")
    @GetMapping("/api/users/{username}")
    Users.UserView one(@PathVariable String username) {
        return users.one(username);
    }

    @Operation(summary = "Changes a user's roles, regionPrefix, enabled or password; {\"locked\": false} lifts a lock")
    @Audited("USER_CHANGE")
    @PatchMapping(path = "/api/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Users.UserView change(@PathVariable String username, @RequestBody JsonNode body) {
        return users.change(username, body);
    }
}
