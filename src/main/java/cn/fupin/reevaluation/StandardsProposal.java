package cn.fupin.reevaluation;

import cn.fupin.policy.StandardName;
import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proposed values of standards for a dry run, as policy staff would add them to the standards file: per
 * standard, dated values of its province-wide series, e.g. {@code {"dibao_standard": {"2020-07-01": 5000}}}.
 */
record StandardsProposal(Map<StandardName, TreeMap<LocalDate, BigDecimal>> values) {

    static final StandardsProposal NONE = new StandardsProposal(Map.of());

    /** Bounds that no real standard comes near: a typo is refused before it runs through the province. */
    static final BigDecimal MAX_AGE = BigDecimal.valueOf(150);

    static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000);

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** Reads the request's {@code standards} object, adding an error for each bad name, date or value. */
    static StandardsProposal read(JsonNode node, FieldErrors errors) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return NONE;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("standards", "must map standard names to {\"date\": value}"));
            return NONE;
        }
        Map<StandardName, TreeMap<LocalDate, BigDecimal>> values = new EnumMap<>(StandardName.class);
        for (Map.Entry<String, JsonNode> standard : node.properties()) {
            String field = "standards." + standard.getKey();
            StandardName name = StandardName.ofKey(standard.getKey()).orElse(null);
            if (name == null) {
                errors.add(new FieldError(
                        field,
                        "is not a standard; known: "
                                + Arrays.stream(StandardName.values())
                                        .map(StandardName::key)
                                        .toList()));
                continue;
            }
            if (!standard.getValue().isObject() || standard.getValue().isEmpty()) {
                errors.add(new FieldError(field, "must map start dates to values, e.g. {\"2020-07-01\": 5000}"));
                continue;
            }
            TreeMap<LocalDate, BigDecimal> dated = new TreeMap<>();
            for (Map.Entry<String, JsonNode> value : standard.getValue().properties()) {
                String valueField = field + "." + value.getKey();
                LocalDate since;
                try {
                    since = LocalDate.parse(value.getKey());
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(valueField, "is not a date (YYYY-MM-DD)"));
                    continue;
                }
                BigDecimal amount =
                        value.getValue().isNumber() ? value.getValue().decimalValue() : null;
                if (amount == null
                        || amount.signum() < 0
                        || amount.compareTo(name.kind() == StandardName.Kind.AGE ? MAX_AGE : MAX_AMOUNT) > 0
                        || (name.kind() == StandardName.Kind.AGE
                                && amount.stripTrailingZeros().scale() > 0)) {
                    errors.add(new FieldError(
                            valueField,
                            name.kind() == StandardName.Kind.AGE
                                    ? "must be a whole number of years from 0 to " + MAX_AGE
                                    : "must be an amount in yuan from 0 to " + MAX_AMOUNT.toPlainString()));
                } else {
                    dated.put(since, amount);
                }
            }
            values.put(name, dated);
        }
        return new StandardsProposal(values);
    }

    /** As stored with the run and hashed into the candidate's version: names and dates in order. */
    String canonical(JsonMapper json) {
        ObjectNode root = json.createObjectNode();
        values.forEach((name, dated) -> {
            ObjectNode series = root.putObject(name.key());
            dated.forEach((since, value) -> series.put(since.toString(), plain(value)));
        });
        return json.writeValueAsString(root);
    }

    /** 5000, not 5E+3. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static StandardsProposal parse(String canonical, JsonMapper json) {
        if (canonical == null) {
            return NONE;
        }
        FieldErrors errors = new FieldErrors();
        StandardsProposal proposal = read(json.readTree(canonical), errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("stored standards proposal does not read back: " + errors);
        }
        return proposal;
    }
}
