package cn.fupin.household;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface HouseholdRowRepository extends ListCrudRepository<HouseholdRow, String> {

    Page<HouseholdRow> findByRegionCodeStartingWith(String regionPrefix, Pageable page);

    Page<HouseholdRow> findByRegionCodeStartingWithAndStatus(
            String regionPrefix, HouseholdStatus status, Pageable page);

    long countByRegionCodeStartingWith(String regionPrefix);

    @Query("SELECT version FROM household WHERE household_id = :householdId")
    Optional<Long> versionOf(String householdId);

    @Query("SELECT region_code FROM household WHERE household_id = :householdId")
    Optional<String> regionOf(String householdId);
}
