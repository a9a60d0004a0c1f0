package cn.fupin.household;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fupin.system.FieldError;
import cn.fupin.system.access.RegionScope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
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
 * Bounded by {@link ImportLimits}: a line too long is rejected unread, lines past the most a request may
 * have are left unread (the answer says from which line), and only the first rejected lines are listed.
 */
@Service
@EnableConfigurationProperties(ImportLimits.class)
public class HouseholdImport {

    /** A rejected line: its number (from 1), the household id if it could be read, and every error. */
    public record RejectedLine(long line, String householdId, List<FieldError> errors) {
    }

    /**
     * How an import went: {@code lines} read, households {@code stored}, lines {@code rejected} (all of them),
     * the first rejected lines by number and how many more were not listed; {@code truncated} when the
     * request had more lines than may be read, the first of them unread being {@code unreadFrom} (else null).
     */
    public record Outcome(long lines, long stored, long rejected, List<RejectedLine> rejectedLines,
                          long rejectedNotListed, boolean truncated, Long unreadFrom) {
    }

    static final int BATCH = 500;

    private final HouseholdReader reader;
    private final HouseholdBatchWrites writes;
    private final HouseholdRows rows;
    private final JsonMapper json;
    private final Clock clock;
    private final RegionScope scope;
    private final ImportLimits limits;

    HouseholdImport(HouseholdReader reader, HouseholdBatchWrites writes, HouseholdRows rows, JsonMapper json,
                    Clock clock, RegionScope scope, ImportLimits limits) {
        this.limits = limits;
        this.reader = reader;
        this.writes = writes;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
        this.scope = scope;
    }

    public Outcome importFrom(InputStream ndjson) {
        RejectedLines rejected = new RejectedLines(limits.maxRejectedListed());
        // Ids of the valid lines so far, for repeats: as many as there are lines, which max-lines bounds.
        Map<String, Long> seen = new HashMap<>();
        List<Household> batch = new ArrayList<>(BATCH);
        long lines = 0;
        long stored = 0;
        boolean truncated = false;
        try (ndjson) {
            BoundedLines in = new BoundedLines(ndjson, limits.lineBytes());
            BoundedLines.Line read;
            while ((read = in.next()) != null) {
                lines++;
                if (read.tooLong()) {
                    rejected.add(new RejectedLine(lines, null,
                            List.of(new FieldError("", "is longer than " + limits.lineBytes() + " bytes"))));
                } else if (!read.text().isBlank()) {
                    Household household = household(read.text(), lines, seen, rejected);
                    if (household != null) {
                        batch.add(household);
                        if (batch.size() == BATCH) {
                            stored += flush(batch, seen, rejected);
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
            stored += flush(batch, seen, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(lines, stored, rejected.count(), rejected.listed(), rejected.notListed(), truncated,
                truncated ? lines + 1 : null);
    }

    /** The household of a line, or null when the line is rejected (and added to the rejected ones). */
    private Household household(String text, long line, Map<String, Long> seen, RejectedLines rejected) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            rejected.add(new RejectedLine(line, null, List.of(new FieldError("", "is not a JSON object"))));
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        String id = node.path("householdId").isString() ? node.path("householdId").stringValue() : null;
        if (id != null && text.contains("********")) {
            // The household of the id as the reader takes it (stripped), not MySQL's match ignoring trailing spaces.
            node = MaskedIdNumbers.resolve(node, rows.byIds(List.of(id.strip())).stream().findFirst()
                    .map(StoredHousehold::household).filter(h -> scope.covers(h.regionCode())));
        }
        Household household = reader.read(node, errors);
        if (household != null && !scope.covers(household.regionCode())) {
            errors.add(new FieldError("regionCode", "is outside your region " + scope.prefix()));
            household = null;
        }
        if (household != null) {
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
            rejected.add(new RejectedLine(line, readable ? id : null, errors));
            return null;
        }
        return household;
    }

    /**
     * Stores the batch, leaving out households stored exactly as they are: importing a file again, or again
     * after a crash half-way, changes nothing it had already stored (not even versions).
     */
    private int flush(List<Household> batch, Map<String, Long> lineOf, RejectedLines rejected) {
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, Household> stored = new HashMap<>();
        rows.byIds(batch.stream().map(Household::householdId).toList())
                .forEach(s -> stored.put(s.household().householdId(), s.household()));
        List<Household> within = new ArrayList<>(batch.size());
        for (Household h : batch) {
            Household before = stored.get(h.householdId());
            if (before != null && !scope.covers(before.regionCode())) {
                // Stored in another region: refused as a PUT would be, without saying where it is.
                rejected.add(new RejectedLine(lineOf.get(h.householdId()), h.householdId(),
                        List.of(new FieldError("householdId", HouseholdRegistry.notFound(h.householdId())
                                + " in your region: it cannot be imported"))));
            } else {
                within.add(h);
            }
        }
        List<Household> changed = within.stream().filter(h -> !same(h, stored.get(h.householdId()))).toList();
        if (!changed.isEmpty()) {
            writes.store(changed, clock.instant());
        }
        batch.clear();
        return within.size();
    }

    /** Equal in every field; an income of 3800 and one of 3800.00 are the same income. */
    private static boolean same(Household h, Household stored) {
        return stored != null && h.incomePerCapita().compareTo(stored.incomePerCapita()) == 0
                && h.equals(new Household(stored.householdId(), stored.regionCode(), stored.status(),
                h.incomePerCapita(), stored.housingGrade(), stored.safeDrinkingWater(), stored.roadAccess(),
                stored.industryProjects(), stored.linkedToEnterprise(), stored.causes(), stored.suddenHardship(),
                stored.members()));
    }
}
