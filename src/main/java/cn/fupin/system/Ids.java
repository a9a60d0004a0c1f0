package cn.fupin.system;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * The ids the service makes (evaluations, recommendations, runs): UUIDs of version 7, whose first 48 bits
 * are the time in milliseconds. They are still UUIDs where the API shows them, and an index on them grows
 * at its end, as the rows are written, instead of on a random page of a table of gigabytes.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {}

    public static String next() {
        return GENERATOR.generate().toString();
    }
}
