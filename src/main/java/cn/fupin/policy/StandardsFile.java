package cn.fupin.policy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code standards.yaml}. It works on the YAML node tree, not on bound objects, so that every problem
 * can name its line: an unknown standard, a bad date, a region prefix that is not 2, 4 or 6 digits, two
 * values for the same region starting on the same day, a standard the rules need that is not there.
 */
final class StandardsFile {

    private final String file;
    private final List<RuleProblem> problems = new ArrayList<>();

    private StandardsFile(String file) {
        this.file = file;
    }

    static StandardsBook parse(String file, String text) {
        StandardsFile reader = new StandardsFile(file);
        StandardsBook book = reader.read(text);
        if (!reader.problems.isEmpty()) {
            throw new RuleSetException(reader.problems);
        }
        return book;
    }

    private StandardsBook read(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            problem(
                    e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    "not valid YAML: " + e.getProblem());
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            problem(1, "must map each standard's name to its definition");
            return null;
        }
        Map<StandardName, StandardsBook.Definition> definitions = new EnumMap<>(StandardName.class);
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            StandardName name = StandardName.ofKey(key).orElse(null);
            if (name == null) {
                problem(
                        line(tuple.getKeyNode()),
                        "unknown standard '" + key + "'; the rules know "
                                + Arrays.stream(StandardName.values())
                                        .map(StandardName::key)
                                        .toList());
            } else if (definitions.containsKey(name)) {
                problem(line(tuple.getKeyNode()), "standard '" + key + "' is defined twice");
            } else {
                definitions.put(name, definition(name, tuple.getValueNode()));
            }
        }
        for (StandardName name : StandardName.values()) {
            if (!definitions.containsKey(name)) {
                problem(1, "standard '" + name.key() + "' is needed by the rules but not defined");
            }
        }
        return new StandardsBook(definitions);
    }

    private StandardsBook.Definition definition(StandardName name, Node node) {
        Map<String, Node> fields = fields(node, "standard '" + name.key() + "'");
        List<StandardsBook.Entry> entries = new ArrayList<>();
        Node values = fields.get("values");
        if (!(values instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problem(
                    line(node),
                    "standard '" + name.key() + "' needs a list of values (since, value, reference, optional region)");
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (Node item : sequence.getValue()) {
                StandardsBook.Entry entry = entry(name, item);
                if (entry == null) {
                    continue;
                }
                Integer other = seen.putIfAbsent(entry.region() + "@" + entry.since(), entry.line());
                if (other != null) {
                    problem(
                            entry.line(),
                            "overlaps line " + other + ": two values of '" + name.key()
                                    + "' for the same region start on " + entry.since());
                } else {
                    entries.add(entry);
                }
            }
        }
        return new StandardsBook.Definition(
                name,
                text(fields.get("title")),
                text(fields.get("unit")),
                text(fields.get("source")),
                List.copyOf(entries));
    }

    private StandardsBook.Entry entry(StandardName name, Node node) {
        Map<String, Node> fields = fields(node, "a value of '" + name.key() + "'");
        int line = line(node);
        LocalDate since = null;
        try {
            since = LocalDate.parse(String.valueOf(text(fields.get("since"))));
        } catch (DateTimeParseException e) {
            problem(line, "'since' must be a date as yyyy-MM-dd");
        }
        String region = fields.containsKey("region") ? text(fields.get("region")) : "";
        if (region == null || !(region.isEmpty() || region.matches("\\d{2}|\\d{4}|\\d{6}"))) {
            problem(line, "'region' must be a region code prefix of 2, 4 or 6 digits");
            region = null;
        }
        BigDecimal value = null;
        try {
            value = new BigDecimal(String.valueOf(text(fields.get("value"))));
            if (value.signum() < 0) {
                problem(line, "'value' must not be negative");
                value = null;
            } else if (name.kind() == StandardName.Kind.AGE
                    && value.stripTrailingZeros().scale() > 0) {
                problem(line, "'value' of an age must be a whole number of years");
                value = null;
            }
        } catch (NumberFormatException e) {
            problem(line, "'value' must be a number");
        }
        // Every value cites the document that set it, so that a reader of a decision can look it up.
        String reference = text(fields.get("reference"));
        if (reference == null || reference.isBlank()) {
            problem(line, "'reference' must name the document (and article) that set this value");
            reference = null;
        }
        return since == null || region == null || value == null || reference == null
                ? null
                : new StandardsBook.Entry(since, region, value, reference, line);
    }

    private Map<String, Node> fields(Node node, String what) {
        Map<String, Node> fields = new HashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem(line(node), what + " must be a mapping");
            return fields;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            fields.put(scalar(tuple.getKeyNode()), tuple.getValueNode());
        }
        return fields;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : String.valueOf(node);
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private void problem(int line, String message) {
        problems.add(new RuleProblem(file, line, message));
    }
}
