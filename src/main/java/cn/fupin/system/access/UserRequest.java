package cn.fupin.system.access;

import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/users} or {@code PATCH /api/users/{username}}, checked field by field: every
 * bad field is reported at once, and a field the request may not set (a lock, a failure count, a hash) is
 * refused rather than ignored, so nobody assigns themselves more than the form offers.
 */
record UserRequest(
        String username, String password, List<Role> roles, String regionPrefix, Boolean enabled, Boolean locked) {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    static final Pattern REGION_PREFIX = Pattern.compile("\\d{2,6}");
    static final int MIN_PASSWORD = 10;
    /** BCrypt reads no further than 72 bytes: a longer password would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final Set<String> CREATE_FIELDS = Set.of("username", "password", "roles", "regionPrefix", "enabled");
    private static final Set<String> PATCH_FIELDS = Set.of("password", "roles", "regionPrefix", "enabled", "locked");

    static UserRequest create(JsonNode body, FieldErrors errors) {
        UserRequest r = read(body, CREATE_FIELDS, errors);
        required("username", r.username, errors);
        required("password", r.password, errors);
        required("roles", r.roles, errors);
        return r;
    }

    /** A missing field, unless it was already reported as bad. */
    private static void required(String field, Object value, FieldErrors errors) {
        if (value == null && !errors.names(field)) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    static UserRequest patch(JsonNode body, FieldErrors errors) {
        return read(body, PATCH_FIELDS, errors);
    }

    /**
     * Every user but one who is only ADMIN works within a region (reports and lists are open to every role):
     * a prefix of 2 to 6 digits, "52" for the whole province.
     */
    static void checkRegion(List<Role> roles, String regionPrefix, FieldErrors errors) {
        boolean regional = !roles.stream().allMatch(Role.ADMIN::equals);
        if (regional && (regionPrefix == null || regionPrefix.isEmpty())) {
            errors.add(new FieldError("regionPrefix", "is required for every user but an ADMIN only (2 to 6 digits)"));
        }
    }

    private static UserRequest read(JsonNode body, Set<String> allowed, FieldErrors errors) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("", "must be a JSON object"));
            return new UserRequest(null, null, null, null, null, null);
        }
        for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(new FieldError(
                        name,
                        "cannot be set here (allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        }
        String username = text(body, "username", errors);
        if (username != null && !USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "must be 3 to 64 letters, digits, '.', '_' or '-'"));
            username = null;
        }
        String password = text(body, "password", errors);
        if (password != null
                && (password.length() < MIN_PASSWORD
                        || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES)) {
            errors.add(new FieldError(
                    "password",
                    "must be at least " + MIN_PASSWORD + " characters and at most " + MAX_PASSWORD_BYTES + " bytes"));
            password = null;
        }
        List<Role> roles = roles(body, errors);
        String region = text(body, "regionPrefix", errors);
        if (region != null
                && !region.isEmpty()
                && !REGION_PREFIX.matcher(region).matches()) {
            errors.add(
                    new FieldError("regionPrefix", "must be 2 to 6 digits (a province, city or county code prefix)"));
            region = null;
        }
        return new UserRequest(
                username, password, roles, region, bool(body, "enabled", errors), bool(body, "locked", errors));
    }

    private static String text(JsonNode body, String field, FieldErrors errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return node.stringValue();
    }

    private static Boolean bool(JsonNode body, String field, FieldErrors errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError(field, "must be true or false"));
            return null;
        }
        return node.booleanValue();
    }

    private static List<Role> roles(JsonNode body, FieldErrors errors) {
        JsonNode node = body.get("roles");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            errors.add(
                    new FieldError("roles", "must be a non-empty list of CASEWORKER, POLICY, ADMIN, ID_NUMBER_READER"));
            return null;
        }
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode role = node.get(i);
            try {
                Role r = Role.valueOf(role.isString() ? role.stringValue() : "");
                if (!roles.contains(r)) {
                    roles.add(r);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(
                        "roles[" + i + "]", "must be one of CASEWORKER, POLICY, ADMIN, ID_NUMBER_READER"));
            }
        }
        return roles;
    }

    @Override
    public String toString() {
        return "UserRequest[" + username + "]"; // never the password
    }
}
