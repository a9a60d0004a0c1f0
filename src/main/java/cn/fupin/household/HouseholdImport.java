package cn.fupin.household;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fupin.system.FieldError;
import cn.fupin.system.access.RegionScope;
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
 */
@Service
public class HouseholdImport {

    /** A rejected line: its number (from 1), the household id if it could be read, and every error. */
    public record RejectedLine(long line, String householdId, List<FieldError> errors) {
    }

    /** How an import went. */
    public record Outcome(long lines, long stored, long rejected, List<RejectedLine> rejectedLines) {
    }

    static final int BATCH = 500;

    private final HouseholdReader reader;
    private final HouseholdBatchWrites writes;
    private final HouseholdRows rows;
    private final JsonMapper json;
    private final Clock clock;
    private final RegionScope scope;

    HouseholdImport(HouseholdReader reader, HouseholdBatchWrites writes, HouseholdRows rows, JsonMapper json,
                    Clock clock, RegionScope scope) {
        this.reader = reader;
        this.writes = writes;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
        this.scope = scope;
    }

    public Outcome importFrom(InputStream ndjson) {
        List<RejectedLine> rejected = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        List<Household> batch = new ArrayList<>(BATCH);
        long lines = 0;
        long stored = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
            String text;
            while ((text = in.readLine()) != null) {
                lines++;
                if (text.isBlank()) {
                    continue;
                }
                RejectedLine problem = null;
                Household household = null;
                try {
                    JsonNode node = json.readTree(text);
                    List<FieldError> errors = new ArrayList<>();
                    String id = node.path("householdId").isString() ? node.path("householdId").stringValue() : null;
                    if (id != null && text.contains("********")) {
                        node = MaskedIdNumbers.resolve(node, rows.byIds(List.of(id)).stream().findFirst()
                                .map(StoredHousehold::household).filter(h -> scope.covers(h.regionCode())));
                    }
                    household = reader.read(node, errors);
                    if (household != null && !scope.covers(household.regionCode())) {
                        errors.add(new FieldError("regionCode", "is outside your region " + scope.prefix()));
                        household = null;
                    }
                    if (household != null) {
                        Long earlier = seen.putIfAbsent(household.householdId(), lines);
                        if (earlier != null) {
                            errors.add(new FieldError("householdId", "repeats the household of line " + earlier));
                            household = null;
                        }
                    }
                    if (!errors.isEmpty()) {
                        problem = new RejectedLine(lines, id, errors);
                    }
                } catch (JacksonException e) {
                    problem = new RejectedLine(lines, null, List.of(new FieldError("", "is not a JSON object")));
                }
                if (problem != null) {
                    rejected.add(problem);
                    continue;
                }
                batch.add(household);
                if (batch.size() == BATCH) {
                    stored += flush(batch, seen, rejected);
                }
            }
            stored += flush(batch, seen, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rejected.sort(java.util.Comparator.comparingLong(RejectedLine::line));
        return new Outcome(lines, stored, rejected.size(), rejected);
    }

    /**
     * Stores the batch, leaving out households stored exactly as they are: importing a file again, or again
     * after a crash half-way, changes nothing it had already stored (not even versions).
     */
    private int flush(List<Household> batch, Map<String, Long> lineOf, List<RejectedLine> rejected) {
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
