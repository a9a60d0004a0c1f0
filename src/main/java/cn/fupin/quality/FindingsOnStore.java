package cn.fupin.quality;

import cn.fupin.household.Household;
import cn.fupin.household.StoredHouseholdChecks;
import cn.fupin.policy.ActiveRuleSet;
import cn.fupin.system.access.RegionScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The active quality rules' findings on a household just stored, for the answer to its PUT. */
@Component
class FindingsOnStore implements StoredHouseholdChecks {

    private static final Logger log = LoggerFactory.getLogger(FindingsOnStore.class);

    private final QualityChecks quality;
    private final ActiveRuleSet active;
    private final RegionScope scope;
    private final Clock clock;

    FindingsOnStore(QualityChecks quality, ActiveRuleSet active, RegionScope scope, Clock clock) {
        this.quality = quality;
        this.active = active;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public List<FindingView> warnings(Household household) {
        try {
            LocalDate today = LocalDate.now(clock);
            return FindingView.of(quality.check(active.get(), List.of(household), today, scope.prefix())
                    .findings()
                    .getOrDefault(household.householdId(), List.of()));
        } catch (RuntimeException e) {
            log.warn(
                    "The quality checks could not run after a household was stored: {}",
                    e.getClass().getName());
            return null;
        }
    }
}
