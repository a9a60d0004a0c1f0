package cn.fupin.household;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the stored households of a region prefix as NDJSON, in id order, a page at a time so that memory
 * does not grow with the registry. Each line is a household as PUT and import take it: the export re-imports
 * to the same data.
 */
@Service
public class HouseholdExport {

    static final int PAGE = 500;

    private final HouseholdRows rows;
    private final JsonMapper json;

    HouseholdExport(HouseholdRows rows, JsonMapper json) {
        this.rows = rows;
        this.json = json;
    }

    public long writeTo(String regionPrefix, OutputStream out) throws IOException {
        long written = 0;
        String after = "";
        List<StoredHousehold> page;
        while (!(page = rows.page(regionPrefix, after, PAGE)).isEmpty()) {
            for (StoredHousehold stored : page) {
                out.write(json.writeValueAsBytes(stored.household()));
                out.write('\n');
            }
            written += page.size();
            after = page.get(page.size() - 1).household().householdId();
            out.flush();
        }
        return written;
    }
}
