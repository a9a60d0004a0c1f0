package cn.fupin.quality;

import java.util.List;

/**
 * A member whose ID number is also registered in other households: the one fact a quality rule cannot see
 * in its own household, so it is looked up in the registry (by the ID number's HMAC) and inserted beside
 * the household. The other households are named by id only.
 */
public final class SharedIdNumber {

    private final String householdId;
    private final String memberId;
    private final List<String> otherHouseholdIds;

    public SharedIdNumber(String householdId, String memberId, List<String> otherHouseholdIds) {
        this.householdId = householdId;
        this.memberId = memberId;
        this.otherHouseholdIds = List.copyOf(otherHouseholdIds);
    }

    public String getHouseholdId() {
        return householdId;
    }

    public String getMemberId() {
        return memberId;
    }

    public List<String> getOtherHouseholdIds() {
        return otherHouseholdIds;
    }

    public int getOtherHouseholds() {
        return otherHouseholdIds.size();
    }
}
