package cn.fupin.household;

import java.util.List;

/**
 * Households were created or replaced (by a PUT or an import), published in the transaction that stored them:
 * what is kept about them elsewhere (the coverage beside the ledger) follows their region and members.
 */
public record HouseholdsChanged(List<Household> households) {}
