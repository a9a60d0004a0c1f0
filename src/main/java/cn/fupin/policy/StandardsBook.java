package cn.fupin.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every standard as a dated series with regional overrides, as read from {@code standards.yaml}. The value
 * in force on a date D for a region is the one of the longest region prefix that has a value starting on
 * or before D, the default series (no region) last.
 */
public final class StandardsBook {

    /** One dated value of a series; {@code region} is "" for the default series. */
    public record Entry(LocalDate since, String region, BigDecimal value, String reference, int line) {}

    /** What policy staff wrote about a standard, shown beside its value. */
    public record Definition(StandardName name, String title, String unit, String source, List<Entry> entries) {}

    private final Map<StandardName, Definition> definitions;

    StandardsBook(Map<StandardName, Definition> definitions) {
        this.definitions = new EnumMap<>(definitions);
    }

    public Definition definition(StandardName name) {
        return definitions.get(name);
    }

    public Optional<StandardInForce> inForce(StandardName name, String regionCode, LocalDate date) {
        return definitions.get(name).entries().stream()
                .filter(e -> !e.since().isAfter(date) && regionCode.startsWith(e.region()))
                .max(Comparator.comparingInt((Entry e) -> e.region().length()).thenComparing(Entry::since))
                .map(e -> new StandardInForce(
                        name, e.value(), e.since(), e.region().isEmpty() ? null : e.region(), e.reference()));
    }

    /**
     * This book with more dated values in the default (province-wide) series of some standards: a value
     * starting on the same date as one already there replaces it; regional values are untouched. A
     * proposed change of standards is simulated on such a book before anyone writes it into the file.
     */
    public StandardsBook withDefaultValues(Map<StandardName, ? extends Map<LocalDate, BigDecimal>> values) {
        Map<StandardName, Definition> changed = new EnumMap<>(definitions);
        values.forEach((name, dated) -> {
            Definition d = definitions.get(name);
            List<Entry> entries = new ArrayList<>(d.entries().stream()
                    .filter(e -> !(e.region().isEmpty() && dated.containsKey(e.since())))
                    .toList());
            dated.forEach((since, value) -> entries.add(new Entry(since, "", value, null, 0)));
            changed.put(name, new Definition(name, d.title(), d.unit(), d.source(), List.copyOf(entries)));
        });
        return new StandardsBook(changed);
    }

    /** Every standard for a household's region on a date, or the list of those that have no value yet. */
    public Standards resolve(String regionCode, LocalDate date) {
        Map<StandardName, StandardInForce> values = new EnumMap<>(StandardName.class);
        List<StandardName> missing = new ArrayList<>();
        for (StandardName name : StandardName.values()) {
            inForce(name, regionCode, date).ifPresentOrElse(v -> values.put(name, v), () -> missing.add(name));
        }
        if (!missing.isEmpty()) {
            throw new StandardNotInForceException(missing, date, regionCode);
        }
        return new Standards(values);
    }
}
