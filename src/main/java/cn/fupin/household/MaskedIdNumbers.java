package cn.fupin.household;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client that read a household (ID numbers masked) and sends it back changed must not need the full
 * numbers it was never shown: a masked number of a member stored under the same memberId, whose stored number
 * has that very mask, stands for the stored number. Any other masked number stays as sent and is refused.
 */
final class MaskedIdNumbers {

    private MaskedIdNumbers() {}

    static JsonNode resolve(JsonNode body, Optional<Household> stored) {
        if (stored.isEmpty() || body == null || !body.path("members").isArray()) {
            return body;
        }
        JsonNode copy = null;
        JsonNode members = body.path("members");
        for (int i = 0; i < members.size(); i++) {
            JsonNode member = members.get(i);
            JsonNode number = member.path("idNumber");
            if (!member.isObject() || !number.isString() || !IdNumbers.isMasked(number.stringValue())) {
                continue;
            }
            String memberId =
                    member.path("memberId").isString() ? member.path("memberId").stringValue() : null;
            Optional<String> full = stored.get().members().stream()
                    .filter(m -> m.memberId().equals(memberId))
                    .map(Member::idNumber)
                    .filter(n -> IdNumbers.masks(number.stringValue(), n))
                    .findFirst();
            if (full.isPresent()) {
                copy = copy == null ? body.deepCopy() : copy;
                ((ObjectNode) copy.path("members").get(i)).put("idNumber", full.get());
            }
        }
        return copy == null ? body : copy;
    }
}
