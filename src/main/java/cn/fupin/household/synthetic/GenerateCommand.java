package cn.fupin.household.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar <jar> generate --people 840000 --seed 7 --out province.ndjson}: writes a synthetic
 * province as NDJSON, the same file for the same size and seed.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length >= 1 && args[0].equals("generate");
    }

    public static int run(String[] args, PrintStream err) {
        int people = 840_000;
        long seed = 7;
        Path out = Path.of("province.ndjson");
        try {
            for (int i = 1; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--people" -> people = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (people < 1_000) {
                throw new IllegalArgumentException("--people must be at least 1000 for the plan's figures to scale");
            }
        } catch (RuntimeException e) {
            err.println("usage: generate [--people N] [--seed S] [--out FILE]: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            ProvinceGenerator.Summary summary = new ProvinceGenerator(seed).generate(people, writer);
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf("wrote %,d households, %,d people (%,d POOR, %,d MONITORED, %,d LIFTED) to %s in %.1f s%n",
                    summary.households(), summary.people(), summary.poorPeople(), summary.monitoredPeople(),
                    summary.liftedPeople(), out, seconds);
            return 0;
        } catch (IOException e) {
            err.println("cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
