package cn.fupin.matching;

import cn.fupin.household.HouseholdRegistry;
import cn.fupin.household.Member;
import cn.fupin.household.VersionedHousehold;
import cn.fupin.system.ConflictException;
import cn.fupin.system.NotFoundException;
import cn.fupin.system.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ledger of measures (帮扶措施台账): a household's recommendations, and case workers' status changes. */
@Service
public class MeasureLedger {

    private final LedgerRepository entries;
    private final HouseholdRegistry registry;
    private final LedgerCoverage coverage;
    private final Clock clock;
    private final AuditTrail audit;

    MeasureLedger(
            LedgerRepository entries,
            HouseholdRegistry registry,
            LedgerCoverage coverage,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.entries = entries;
        this.registry = registry;
        this.coverage = coverage;
        this.clock = clock;
    }

    /** A household's entries with the given status, or every one but WITHDRAWN when status is null. */
    public List<LedgerEntryView> forHousehold(String householdId, RecommendationStatus status) {
        VersionedHousehold stored =
                registry.find(householdId).orElseThrow(() -> new NotFoundException("No household " + householdId));
        List<RecommendationStatus> statuses = status != null
                ? List.of(status)
                : List.copyOf(EnumSet.complementOf(EnumSet.of(RecommendationStatus.WITHDRAWN)));
        Map<String, Integer> memberOrder = new HashMap<>();
        List<Member> members = stored.household().members();
        for (int i = 0; i < members.size(); i++) {
            memberOrder.put(members.get(i).memberId(), i);
        }
        return entries.findByHouseholdIdAndStatusIn(householdId, statuses).stream()
                .sorted(Comparator.comparing((LedgerEntry e) -> e.measure().action())
                        .thenComparing(LedgerEntry::measure)
                        .thenComparingInt(e ->
                                e.memberId().isEmpty() ? -1 : memberOrder.getOrDefault(e.memberId(), Integer.MAX_VALUE))
                        .thenComparing(LedgerEntry::createdAt))
                .map(LedgerEntryView::of)
                .toList();
    }

    /**
     * Moves a recommendation to a new status, recording who, when and the note. Only the moves of
     * {@link RecommendationStatus#allowedMoves()} are allowed; anything else is a conflict naming them.
     */
    @Transactional
    public LedgerEntryView move(String recommendationId, RecommendationStatus next, String note, String user) {
        LedgerEntry entry = entries.findById(recommendationId)
                .filter(e -> registry.visible(e.householdId()))
                .orElseThrow(() -> new NotFoundException("No recommendation " + recommendationId));
        // No evaluation of the household runs meanwhile.
        VersionedHousehold household = registry.lock(entry.householdId());
        entry = entries.findById(recommendationId).orElseThrow();
        if (!entry.status().allowedMoves().contains(next)) {
            throw new ConflictException(
                    "A recommendation that is " + entry.status() + " cannot become " + next,
                    Map.of(
                            "currentStatus",
                            entry.status(),
                            "allowedMoves",
                            entry.status().allowedMoves()));
        }
        Instant now = clock.instant();
        LedgerEntryView moved = LedgerEntryView.of(entries.save(entry.moveTo(next, note, user, now)));
        // A delivery (or a decline) moves the household's coverage, and its latest answer no longer shows its
        // ledger: its next evaluation reads the ledger again.
        coverage.recount(List.of(household.household()));
        coverage.ledgerMoved(entry.householdId());
        audit.record("RECOMMENDATION_STATUS", entry.householdId(), next.name(), "recommendation " + recommendationId);
        return moved;
    }
}
