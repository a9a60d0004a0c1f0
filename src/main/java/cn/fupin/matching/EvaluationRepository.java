package cn.fupin.matching;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface EvaluationRepository extends ListCrudRepository<EvaluationRecord, String> {

    List<EvaluationRecord> findByHouseholdIdOrderByEvaluatedAtDescEvaluationIdDesc(String householdId);
}
