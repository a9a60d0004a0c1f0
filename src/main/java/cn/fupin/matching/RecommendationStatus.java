package cn.fupin.matching;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a recommended measure stands in the ledger (帮扶措施台账). A case worker moves it RECOMMENDED →
 * ACCEPTED → DELIVERED, or declines it before delivery; a measure the rules no longer give is WITHDRAWN by
 * the evaluation that finds so.
 */
public enum RecommendationStatus {
    RECOMMENDED("待落实"),
    ACCEPTED("已确认"),
    DELIVERED("已落实"),
    DECLINED("已放弃"),
    WITHDRAWN("已撤销");

    private final String label;

    RecommendationStatus(String label) {
        this.label = label;
    }

    /** The Chinese word used in cards. */
    public String getLabel() {
        return label;
    }

    /** The statuses a case worker may move this one to. */
    public Set<RecommendationStatus> allowedMoves() {
        return switch (this) {
            case RECOMMENDED -> EnumSet.of(ACCEPTED, DECLINED);
            case ACCEPTED -> EnumSet.of(DELIVERED, DECLINED);
            case DELIVERED, DECLINED, WITHDRAWN -> EnumSet.noneOf(RecommendationStatus.class);
        };
    }
}
