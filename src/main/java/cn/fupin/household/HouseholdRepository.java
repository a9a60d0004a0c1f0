package cn.fupin.household;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface HouseholdRepository extends ListCrudRepository<RegisteredHousehold, String> {

    Page<RegisteredHousehold> findByRegionCodeStartingWith(String regionPrefix, Pageable page);

    Page<RegisteredHousehold> findByRegionCodeStartingWithAndStatus(String regionPrefix, HouseholdStatus status,
                                                                     Pageable page);

    @Query("SELECT version FROM household WHERE household_id = :householdId")
    Optional<Long> versionOf(String householdId);

    /**
     * Locks the household's row until the transaction ends and returns its version: evaluations and
     * status changes of one household are serialised on it, so two of them never interleave.
     */
    @Query("SELECT version FROM household WHERE household_id = :householdId FOR UPDATE")
    Optional<Long> lock(String householdId);
}
