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

    long countByRegionCodeStartingWith(String regionPrefix);

    @Query("SELECT version FROM household WHERE household_id = :householdId")
    Optional<Long> versionOf(String householdId);

    @Query("SELECT region_code FROM household WHERE household_id = :householdId")
    Optional<String> regionOf(String householdId);

}
