package cn.fupin.matching;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/** One step in a recommendation's history: the status it got, who gave it, when, and why. */
@Table("recommendation_status_change")
public record StatusChange(RecommendationStatus status, String note, String changedBy, Instant changedAt) {}
