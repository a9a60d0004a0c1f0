package cn.fupin.household;

import cn.fupin.system.NotFoundException;
import cn.fupin.system.access.FullIdNumbers;
import cn.fupin.system.audit.AuditTrail;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * Stored households as a user is shown them: within the user's region (the registry's), ID numbers masked
 * unless a user holding ID_NUMBER_READER asks ({@code unmask=true}, each such read audited on its own), and
 * every household shown counted in the request's audit row.
 */
@Service
class ShownHouseholds {

    private final HouseholdRegistry registry;
    private final FullIdNumbers fullIdNumbers;
    private final AuditTrail audit;

    ShownHouseholds(HouseholdRegistry registry, FullIdNumbers fullIdNumbers, AuditTrail audit) {
        this.registry = registry;
        this.fullIdNumbers = fullIdNumbers;
        this.audit = audit;
    }

    VersionedHousehold one(String householdId, String unmask) {
        boolean full = fullIdNumbers.granted(unmask);
        VersionedHousehold stored = registry.find(householdId)
                .orElseThrow(() -> new NotFoundException(HouseholdRegistry.notFound(householdId)));
        if (full) {
            audit.record("ID_NUMBER_READ", householdId, "OK", null);
        }
        return full ? stored : IdNumbers.masked(stored);
    }

    Page<VersionedHousehold> page(String regionPrefix, HouseholdStatus status, int page, int size) {
        Page<VersionedHousehold> found = registry.page(regionPrefix, status, page, size);
        audit.read(found.getContent().stream()
                .map(s -> s.household().householdId())
                .toList());
        return found.map(IdNumbers::masked);
    }
}
