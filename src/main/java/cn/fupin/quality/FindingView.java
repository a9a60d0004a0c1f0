package cn.fupin.quality;

import java.util.List;

/** A finding as the API answers it. */
public record FindingView(String code, Severity severity, String memberId, String rule, String message) {

    public static List<FindingView> of(List<Finding> findings) {
        return findings.stream()
                .map(f -> new FindingView(f.getCode(), f.getSeverity(), f.getMemberId(), f.getRule(), f.getMessage()))
                .toList();
    }
}
