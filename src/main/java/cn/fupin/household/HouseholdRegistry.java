package cn.fupin.household;

import cn.fupin.system.ConflictException;
import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import cn.fupin.system.NotFoundException;
import cn.fupin.system.access.RegionScope;
import cn.fupin.system.audit.AuditTrail;
import cn.fupin.system.crypto.IdNumberCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The registry of households: registering and replacing them, finding and listing them, always within the
 * signed-in user's region (a household outside it is answered as one that does not exist). Every write is
 * audited in the write's own transaction.
 */
@Service
public class HouseholdRegistry {

    /** The outcome of a PUT: the household as now stored, and whether it was created. */
    public record Registration(VersionedHousehold stored, boolean created) {}

    private final HouseholdRowRepository repository;
    private final HouseholdReads rows;
    private final HouseholdReader reader;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdNumberCipher cipher;
    private final RegionScope scope;
    private final AuditTrail audit;

    HouseholdRegistry(
            HouseholdRowRepository repository,
            HouseholdReads rows,
            HouseholdReader reader,
            ApplicationEventPublisher events,
            Clock clock,
            IdNumberCipher cipher,
            RegionScope scope,
            AuditTrail audit) {
        this.repository = repository;
        this.rows = rows;
        this.reader = reader;
        this.events = events;
        this.clock = clock;
        this.cipher = cipher;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * Creates or replaces a household. With {@code expectedVersion} (from If-Match) the replacement succeeds
     * only if the stored version is still that one; the check and the write are one UPDATE, so of several
     * concurrent replacements based on the same version exactly one goes through.
     */
    @Transactional
    public Registration register(String pathId, JsonNode body, Long expectedVersion) {
        Optional<VersionedHousehold> existing =
                storable(pathId) ? rows.byIds(List.of(pathId)).stream().findFirst() : Optional.empty();
        if (existing.isPresent() && !scope.covers(existing.get().household().regionCode())) {
            throw new NotFoundException(notFound(pathId));
        }
        FieldErrors errors = new FieldErrors();
        Household household =
                reader.read(MaskedIdNumbers.resolve(body, existing.map(VersionedHousehold::household)), errors);
        if (household != null && !household.householdId().equals(pathId)) {
            errors.add(new FieldError("householdId", "must equal the householdId in the path"));
        }
        errors.throwIfAny();
        if (!scope.covers(household.regionCode())) {
            throw new NotFoundException(notFound(pathId));
        }
        Instant now = clock.instant();
        Optional<Long> current = existing.map(VersionedHousehold::version);
        if (current.isEmpty() && expectedVersion != null) {
            throw stale(pathId, expectedVersion, null);
        }
        Long version = expectedVersion != null ? expectedVersion : current.orElse(null);
        try {
            HouseholdRow saved = repository.save(HouseholdRow.of(household, version, now, cipher));
            events.publishEvent(new HouseholdsChanged(List.of(household)));
            audit.record("HOUSEHOLD_WRITE", pathId, current.isEmpty() ? "CREATED" : "REPLACED", null);
            return new Registration(new VersionedHousehold(household, saved.version()), current.isEmpty());
        } catch (OptimisticLockingFailureException e) {
            throw stale(pathId, version, repository.versionOf(pathId).orElse(null));
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "Household " + pathId + " was registered by another request at the same time",
                    Map.of("householdId", pathId));
        }
    }

    private static ConflictException stale(String id, Long expected, Long actual) {
        return new ConflictException(
                "Household " + id + " is at version " + (actual == null ? "(none)" : actual) + ", not " + expected
                        + ": fetch it again and reapply the change",
                actual == null ? Map.of("householdId", id) : Map.of("householdId", id, "currentVersion", actual));
    }

    /** The answer for a household that does not exist, or is outside the user's region: the same. */
    public static String notFound(String householdId) {
        return "No household " + householdId;
    }

    /**
     * Whether a household could be stored under this id: every stored id is an identifier as the reader
     * accepts it. Any other id names no household without asking the database, where MySQL would ignore
     * trailing spaces (utf8mb4_bin pads) and H2 would not. Ids are case-sensitive on both (V18).
     */
    static boolean storable(String householdId) {
        return JsonFieldReader.isIdentifier(householdId, HouseholdReader.MAX_ID_LENGTH);
    }

    /** The household as stored, if it exists within the user's region. */
    public Optional<VersionedHousehold> find(String householdId) {
        if (!storable(householdId)) {
            return Optional.empty();
        }
        return rows.byIds(List.of(householdId)).stream()
                .filter(stored -> scope.covers(stored.household().regionCode()))
                .findFirst();
    }

    /** Whether the household exists within the user's region. */
    public boolean visible(String householdId) {
        return storable(householdId)
                && repository.regionOf(householdId).filter(scope::covers).isPresent();
    }

    /**
     * Locks the household for the rest of the caller's transaction and returns it as it is now; 404 when it
     * does not exist or is outside the user's region.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public VersionedHousehold lock(String householdId) {
        Optional<VersionedHousehold> locked = storable(householdId) ? rows.lock(householdId) : Optional.empty();
        return locked.filter(stored -> scope.covers(stored.household().regionCode()))
                .orElseThrow(() -> new NotFoundException(notFound(householdId)));
    }

    /** How many households are registered under a region prefix. */
    public long count(String regionPrefix) {
        return repository.countByRegionCodeStartingWith(regionPrefix);
    }

    /** Locks those of these households that exist, for the rest of the caller's transaction; in id order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<VersionedHousehold> lockAll(List<String> householdIds) {
        return rows.lockByIds(householdIds);
    }

    /** Those of these households that exist, as stored now, in id order. */
    public List<VersionedHousehold> findAll(List<String> householdIds) {
        return rows.byIds(householdIds);
    }

    /** A page of the households under a region prefix, narrowed to the user's region. */
    public Page<VersionedHousehold> page(String regionPrefix, HouseholdStatus status, int page, int size) {
        regionPrefix = scope.narrow(regionPrefix);
        PageRequest request = PageRequest.of(page, size, Sort.by("householdId"));
        Page<HouseholdRow> found = status == null
                ? repository.findByRegionCodeStartingWith(regionPrefix, request)
                : repository.findByRegionCodeStartingWithAndStatus(regionPrefix, status, request);
        return found.map(h -> new VersionedHousehold(h.toHousehold(cipher), h.version()));
    }
}
