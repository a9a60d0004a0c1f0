package cn.fupin.household;

import cn.fupin.system.access.FullIdNumbers;
import cn.fupin.system.access.RegionScope;
import cn.fupin.system.audit.AuditTrail;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the stored households of a region prefix as NDJSON, in id order, a page at a time so that memory
 * does not grow with the registry. Each line is a household as PUT and import take it, with its stored
 * {@code version}: the export re-imports to the same data (ID numbers masked unless full ones were granted: a
 * masked number re-imports as the number stored for that member), and an import refuses to put back a line
 * older than the household stored. The last line is an {@link ExportEnd} counting the households, so that a
 * file cut off anywhere is known to be. Each page written is audited, one row per household.
 */
@Service
public class HouseholdExport {

    static final int PAGE = 500;

    private final HouseholdReads rows;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final RegionScope scope;
    private final FullIdNumbers fullIdNumbers;

    HouseholdExport(
            HouseholdReads rows, JsonMapper json, AuditTrail audit, RegionScope scope, FullIdNumbers fullIdNumbers) {
        this.rows = rows;
        this.json = json;
        this.audit = audit;
        this.scope = scope;
        this.fullIdNumbers = fullIdNumbers;
    }

    /**
     * The export a user asked for, to be written once the answer starts: the prefix narrowed to the user's
     * region, full ID numbers only if granted, and the user captured now, on the request's thread, for the
     * audit rows written page by page on the thread that streams.
     */
    StreamingResponseBody stream(String requestedPrefix, String unmask) {
        String prefix = scope.narrow(requestedPrefix);
        boolean full = fullIdNumbers.granted(unmask);
        AuditTrail.Actor actor = audit.actor();
        return out -> writeTo(prefix, out, full, actor);
    }

    /** Writes the households under the prefix (already narrowed to the user's region) for this actor. */
    public long writeTo(String regionPrefix, OutputStream out, boolean fullIdNumbers, AuditTrail.Actor actor)
            throws IOException {
        long written = 0;
        String after = "";
        List<VersionedHousehold> page;
        while (!(page = rows.page(regionPrefix, after, PAGE)).isEmpty()) {
            // Audited before the page is written: a page whose rows cannot be stored is not sent.
            audit.recordAll(
                    actor,
                    fullIdNumbers ? "ID_NUMBER_READ" : "HOUSEHOLD_EXPORT",
                    page.stream().map(s -> s.household().householdId()).toList(),
                    "OK",
                    "export");
            for (VersionedHousehold stored : page) {
                out.write(json.writeValueAsBytes(fullIdNumbers ? stored : IdNumbers.masked(stored)));
                out.write('\n');
            }
            written += page.size();
            after = page.get(page.size() - 1).household().householdId();
            out.flush();
        }
        out.write((ExportEnd.line(written) + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return written;
    }
}
