package cn.fupin.household;

import java.util.List;

/**
 * What a household is checked against once it is stored: the quality rules, which the quality feature
 * offers by implementing this. Declared here so that the registry does not depend on the features built on
 * it; a PUT answers with these warnings, which never stop a valid record from being stored.
 */
public interface StoredHouseholdChecks {

    /**
     * The warnings on a stored household today, as the signed-in user's region may see them, or null when
     * they could not be computed (the household is stored all the same).
     */
    List<?> warnings(Household household);
}
