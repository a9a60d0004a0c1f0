package cn.fupin.report;

import cn.fupin.household.Cause;
import cn.fupin.household.Household;
import cn.fupin.household.HouseholdRegistry;
import cn.fupin.household.IdNumbers;
import cn.fupin.household.Member;
import cn.fupin.matching.Evaluation;
import cn.fupin.matching.EvaluationHistory;
import cn.fupin.matching.LedgerEntryView;
import cn.fupin.matching.MeasureLedger;
import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.policy.StandardInForce;
import cn.fupin.policy.StandardsBook;
import cn.fupin.system.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The household's 明白卡: what it receives and why, in plain words, on one printable page. ID numbers are
 * masked (first 6 and last 4 characters): the card is handed out and pinned up.
 */
@Service
class HouseholdCard {

    record MemberLine(
            String name,
            String idNumber,
            String relation,
            String sex,
            int age,
            String health,
            int disabilityGrade,
            String labourAbility,
            String schooling) {}

    record MeasureLine(String action, String measure, String target, String reason, String status) {}

    record StandardLine(String title, BigDecimal value, String unit, LocalDate since, String region) {}

    record Card(
            Household household,
            String status,
            String housing,
            List<String> causes,
            List<MemberLine> members,
            List<MeasureLine> measures,
            List<StandardLine> standards,
            String rulesetVersion,
            LocalDate evaluatedAsOf,
            LocalDate date) {}

    private final HouseholdRegistry registry;
    private final MeasureLedger ledger;
    private final EvaluationHistory history;
    private final ActiveRuleSet activeRuleSet;
    private final Clock clock;

    HouseholdCard(
            HouseholdRegistry registry,
            MeasureLedger ledger,
            EvaluationHistory history,
            ActiveRuleSet activeRuleSet,
            Clock clock) {
        this.registry = registry;
        this.ledger = ledger;
        this.history = history;
        this.activeRuleSet = activeRuleSet;
        this.clock = clock;
    }

    Card of(String householdId) {
        Household h = registry.find(householdId)
                .orElseThrow(() -> new NotFoundException("No household " + householdId))
                .household();
        LocalDate today = LocalDate.now(clock);
        Evaluation latest = history.latest(householdId).orElse(null);
        // Ages and standards as on the date the measures were decided, so that the card says what the reasons say.
        LocalDate basis = latest == null ? today : latest.asOf();
        Map<String, String> names = new HashMap<>();
        List<MemberLine> members = h.members().stream()
                .map(m -> {
                    names.put(m.memberId(), m.name());
                    return line(m, basis);
                })
                .toList();
        List<MeasureLine> measures = ledger.forHousehold(householdId, null).stream()
                .map(LedgerEntryView::recommendation)
                .map(r -> new MeasureLine(
                        r.action().title(),
                        r.measureName(),
                        r.memberId() == null ? "全户" : names.getOrDefault(r.memberId(), r.memberId()),
                        r.reason(),
                        r.status().getLabel()))
                .toList();
        StandardsBook book = activeRuleSet.get().standards();
        List<StandardLine> standards = book.resolve(h.regionCode(), basis).inForce().stream()
                .map(s -> standard(book, s))
                .toList();
        return new Card(
                IdNumbers.masked(h),
                h.status().getLabel(),
                h.housingGrade().getLabel(),
                h.causes().stream().map(Cause::getLabel).toList(),
                members,
                measures,
                standards,
                latest == null ? null : latest.rulesetVersion(),
                latest == null ? null : latest.asOf(),
                today);
    }

    private static StandardLine standard(StandardsBook book, StandardInForce s) {
        StandardsBook.Definition d = book.definition(s.name());
        return new StandardLine(d.title(), s.value(), d.unit(), s.since(), s.region());
    }

    private static MemberLine line(Member m, LocalDate today) {
        return new MemberLine(
                m.name(),
                IdNumbers.mask(m.idNumber()),
                m.relation().getLabel(),
                m.sex().getLabel(),
                m.ageOn(today),
                m.health().getLabel(),
                m.disabilityGrade(),
                m.labourAbility().getLabel(),
                m.schooling().getLabel());
    }
}
