package cn.fupin.matching;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface LedgerRepository extends ListCrudRepository<LedgerEntry, String> {

    List<LedgerEntry> findByHouseholdIdAndStatusIn(String householdId, List<RecommendationStatus> statuses);
}
