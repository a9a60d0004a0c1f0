package cn.fupin.system.access;

/**
 * What a user may do. CASEWORKER and POLICY work within the user's region prefix; ADMIN manages users;
 * ID_NUMBER_READER may ask for full ID numbers (every such read is audited).
 */
public enum Role {
    CASEWORKER,
    POLICY,
    ADMIN,
    ID_NUMBER_READER;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
