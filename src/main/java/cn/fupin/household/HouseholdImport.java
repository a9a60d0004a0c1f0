package cn.fupin.household;

import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import cn.fupin.system.access.RegionScope;
import cn.fupin.system.audit.AuditTrail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a registry as NDJSON, one household a line, as it streams in: every line is validated exactly
 * as a PUT is, valid households are stored in batches (each household whole or not at all; one that exists
 * is replaced, so importing a file again is harmless), and every rejected line is reported with its
 * number, its household id where readable, and every error. A bad line never stops the rest. Only
 * households within the user's region are stored: one outside it (as sent, or as already stored) is a
 * rejected line. A masked ID number of a stored member (as an export shows it) stands for the stored number.
 * A line with a {@code version} (as an export writes it) older than the household stored is a rejected line,
 * unless the import is asked to overwrite: importing an old export must not undo the edits made since. A
 * line without one replaces the household as a PUT without If-Match does. The export's end line tells
 * whether the file is whole ({@link ImportCompleteness}).
 * Bounded by {@link ImportLimits}: a line too long is rejected unread, lines past the most a request may
 * have are left unread (the answer says from which line), and only the first rejected lines are listed.
 */
@Service
@EnableConfigurationProperties(ImportLimits.class)
public class HouseholdImport {

    /** A rejected line: its number (from 1), the household id if it could be read, and every error. */
    public record RejectedLine(long line, String householdId, List<FieldError> errors) {}

    /**
     * How an import went: {@code lines} read, households {@code stored}, lines {@code rejected} (all of them),
     * the first rejected lines by number and how many more were not listed; {@code truncated} when the
     * request had more lines than may be read, the first of them unread being {@code unreadFrom} (else null);
     * {@code complete} when the file was read whole up to its export end line, else why not in
     * {@code incompleteReason}.
     */
    public record Outcome(
            long lines,
            long stored,
            long rejected,
            List<RejectedLine> rejectedLines,
            long rejectedNotListed,
            boolean truncated,
            Long unreadFrom,
            boolean complete,
            String incompleteReason) {}

    /** A valid line waiting for its batch: the household, the version it was exported at (null if none), where. */
    private record Pending(Household household, Long version, long line) {}

    static final int BATCH = 500;

    private final HouseholdReader reader;
    private final HouseholdBatchWrites writes;
    private final HouseholdReads rows;
    private final JsonMapper json;
    private final Clock clock;
    private final RegionScope scope;
    private final ImportLimits limits;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    HouseholdImport(
            HouseholdReader reader,
            HouseholdBatchWrites writes,
            HouseholdReads rows,
            JsonMapper json,
            Clock clock,
            RegionScope scope,
            ImportLimits limits,
            PlatformTransactionManager transactions,
            AuditTrail audit) {
        this.limits = limits;
        this.transactions = new TransactionTemplate(transactions);
        this.audit = audit;
        this.reader = reader;
        this.writes = writes;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
        this.scope = scope;
    }

    /**
     * Imports the lines; {@code overwrite} replaces households stored at a newer version than their line
     * (the caller decides who may ask for it).
     */
    public Outcome importFrom(InputStream ndjson, boolean overwrite) {
        RejectedLines rejected = new RejectedLines(limits.maxRejectedListed());
        ImportCompleteness completeness = new ImportCompleteness();
        // Ids of the valid lines so far, for repeats: as many as there are lines, which max-lines bounds.
        Map<String, Long> seen = new HashMap<>();
        List<Pending> batch = new ArrayList<>(BATCH);
        long lines = 0;
        long stored = 0;
        boolean truncated = false;
        try (ndjson) {
            BoundedLines in = new BoundedLines(ndjson, limits.lineBytes());
            BoundedLines.Line read;
            while ((read = in.next()) != null) {
                lines++;
                if (read.tooLong()) {
                    completeness.household();
                    rejected.add(new RejectedLine(
                            lines,
                            null,
                            List.of(new FieldError("", "is longer than " + limits.lineBytes() + " bytes"))));
                } else if (!read.text().isBlank()) {
                    Pending household = line(read.text(), lines, seen, rejected, completeness);
                    if (household != null) {
                        batch.add(household);
                        if (batch.size() == BATCH) {
                            stored += flush(batch, overwrite, rejected);
                        }
                    }
                }
                if (lines == limits.maxLines()) {
                    // The rest is left unread (but for a peek at whether there is any): whatever it holds,
                    // this request has had its share.
                    truncated = !in.atEnd();
                    break;
                }
            }
            stored += flush(batch, overwrite, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Long unreadFrom = truncated ? lines + 1 : null;
        String incomplete = completeness.reason(unreadFrom);
        return new Outcome(
                lines,
                stored,
                rejected.count(),
                rejected.listed(),
                rejected.notListed(),
                truncated,
                unreadFrom,
                incomplete == null,
                incomplete);
    }

    /**
     * The household of a line with its version, or null when the line is an export's end line or is rejected
     * (and added to the rejected ones).
     */
    private Pending line(
            String text, long line, Map<String, Long> seen, RejectedLines rejected, ImportCompleteness completeness) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            completeness.household();
            rejected.add(new RejectedLine(line, null, List.of(new FieldError("", "is not a JSON object"))));
            return null;
        }
        FieldErrors errors = new FieldErrors();
        if (ExportEnd.is(node)) {
            long households = ExportEnd.households(node, errors);
            completeness.end(line, households);
            if (!errors.isEmpty()) {
                rejected.add(new RejectedLine(line, null, errors.list()));
            }
            return null;
        }
        completeness.household();
        Long version = version(node.get("version"), errors);
        String id =
                node.path("householdId").isString() ? node.path("householdId").stringValue() : null;
        if (id != null && text.contains("********")) {
            // The household of the id as the reader takes it (stripped), not MySQL's match ignoring trailing spaces.
            node = MaskedIdNumbers.resolve(
                    node,
                    rows.byIds(List.of(id.strip())).stream()
                            .findFirst()
                            .map(VersionedHousehold::household)
                            .filter(h -> scope.covers(h.regionCode())));
        }
        Household household = reader.read(node, errors);
        if (household != null && !scope.covers(household.regionCode())) {
            errors.add(new FieldError("regionCode", "is outside your region " + scope.prefix()));
            household = null;
        }
        if (household != null && errors.isEmpty()) {
            Long earlier = seen.putIfAbsent(household.householdId(), line);
            if (earlier != null) {
                errors.add(new FieldError("householdId", "repeats the household of line " + earlier));
                household = null;
            }
        }
        if (!errors.isEmpty()) {
            // An id longer than any valid one is not an id to repeat back: a thousand listed lines could
            // otherwise hold a thousand ids of nearly max-line-bytes each.
            boolean readable = id != null && id.length() <= HouseholdReader.MAX_ID_LENGTH;
            rejected.add(new RejectedLine(line, readable ? id : null, errors.list()));
            return null;
        }
        return new Pending(household, version, line);
    }

    /** The version a line was exported at: null when it has none (written by hand). */
    private static Long version(JsonNode version, FieldErrors errors) {
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 0) {
            errors.add(new FieldError(
                    "version",
                    "must be the version the household was exported at (a whole " + "number from 0), or left out"));
            return null;
        }
        return version.longValue();
    }

    /**
     * Stores the batch, leaving out households stored exactly as they are: importing a file again, or again
     * after a crash half-way, changes nothing it had already stored (not even versions). The stored ones are
     * locked while they are checked and replaced, so that a PUT in between is neither lost nor overwritten
     * unseen; a line refused changes nothing.
     */
    private int flush(List<Pending> batch, boolean overwrite, RejectedLines rejected) {
        if (batch.isEmpty()) {
            return 0;
        }
        Integer within = transactions.execute(tx -> {
            Map<String, VersionedHousehold> stored = new HashMap<>();
            rows.lockByIds(batch.stream().map(p -> p.household().householdId()).toList())
                    .forEach(s -> stored.put(s.household().householdId(), s));
            int accepted = 0;
            List<Household> changed = new ArrayList<>();
            List<String> overwritten = new ArrayList<>();
            List<String> keptNewer = new ArrayList<>();
            for (Pending p : batch) {
                Household h = p.household();
                VersionedHousehold before = stored.get(h.householdId());
                FieldError refused = refusal(p, before, overwrite);
                if (refused != null) {
                    rejected.add(new RejectedLine(p.line(), h.householdId(), List.of(refused)));
                    if (refused.field().equals("version")) {
                        keptNewer.add(h.householdId());
                    }
                    continue;
                }
                accepted++;
                if (before == null || !same(h, before.household())) {
                    changed.add(h);
                    if (before != null && p.version() != null && before.version() > p.version()) {
                        overwritten.add(h.householdId());
                    }
                }
            }
            if (!changed.isEmpty()) {
                writes.store(changed, clock.instant());
            }
            if (!overwritten.isEmpty()) {
                audit.recordAll(
                        "HOUSEHOLD_IMPORT",
                        overwritten,
                        "OVERWRITTEN",
                        "a newer stored version was replaced (overwrite=true)");
            }
            if (!keptNewer.isEmpty()) {
                // An attempt to put an older record back is the trail's business as much as a replacement is.
                audit.recordAll(
                        "HOUSEHOLD_IMPORT",
                        keptNewer,
                        "REFUSED_OLDER",
                        "the line was older than the stored version, which was kept");
            }
            return accepted;
        });
        batch.clear();
        return within;
    }

    /** Why the line may not replace the household stored, or null when it may. */
    private FieldError refusal(Pending p, VersionedHousehold before, boolean overwrite) {
        String id = p.household().householdId();
        if (before == null) {
            return null;
        }
        if (!scope.covers(before.household().regionCode())) {
            // Stored in another region: refused as a PUT would be, without saying where it is.
            return new FieldError(
                    "householdId", HouseholdRegistry.notFound(id) + " in your region: it cannot be imported");
        }
        if (!overwrite
                && p.version() != null
                && before.version() > p.version()
                && !same(p.household(), before.household())) {
            return new FieldError(
                    "version",
                    "household " + id + " is stored at version " + before.version()
                            + ", newer than this line's version " + p.version()
                            + ": it was changed after this file was "
                            + "exported, and is kept as stored (import with overwrite=true to replace it)");
        }
        return null;
    }

    /** Equal in every field; an income of 3800 and one of 3800.00 are the same income. */
    private static boolean same(Household h, Household stored) {
        return stored != null
                && h.incomePerCapita().compareTo(stored.incomePerCapita()) == 0
                && h.equals(new Household(
                        stored.householdId(),
                        stored.regionCode(),
                        stored.status(),
                        h.incomePerCapita(),
                        stored.housingGrade(),
                        stored.safeDrinkingWater(),
                        stored.roadAccess(),
                        stored.industryProjects(),
                        stored.linkedToEnterprise(),
                        stored.causes(),
                        stored.suddenHardship(),
                        stored.members()));
    }
}
