package cn.fupin.matching;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface EvaluationRepository extends ListCrudRepository<EvaluationRecord, String> {

    /** Newest first, by insertion order (evaluations of a household are serialised on its row lock). */
    @Query("SELECT * FROM evaluation WHERE household_id = :householdId ORDER BY seq DESC")
    List<EvaluationRecord> findHistory(String householdId);

    @Query("SELECT * FROM evaluation WHERE household_id = :householdId ORDER BY seq DESC LIMIT 1")
    Optional<EvaluationRecord> findLatest(String householdId);
}
