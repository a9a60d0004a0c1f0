package cn.fupin.household.synthetic;

import cn.fupin.household.ExportEnd;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar <jar> generate --people 840000 --seed 7 --out province.ndjson}: writes a synthetic
 * province as NDJSON, the same file for the same size and seed. With {@code --plant-errors N} it plants N
 * errors of each kind the quality rules look for and lists them in {@code <out>.planted.tsv} (code,
 * household, member).
 */
public final class GenerateCommand {

    private GenerateCommand() {}

    public static boolean handles(String[] args) {
        return args.length >= 1 && args[0].equals("generate");
    }

    public static int run(String[] args, PrintStream err) {
        int people = 840_000;
        long seed = 7;
        Path out = Path.of("province.ndjson");
        int errorsPerKind = 0;
        try {
            for (int i = 1; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--people" -> people = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--out" -> out = Path.of(value);
                    case "--plant-errors" -> errorsPerKind = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (people < 1_000) {
                throw new IllegalArgumentException("--people must be at least 1000 for the plan's figures to scale");
            }
            if (errorsPerKind < 0) {
                throw new IllegalArgumentException("--plant-errors must not be negative");
            }
        } catch (RuntimeException e) {
            err.println("usage: generate [--people N] [--seed S] [--out FILE] [--plant-errors N]: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            ProvinceGenerator.Summary summary = new ProvinceGenerator(seed, errorsPerKind).generate(people, writer);
            // As an export ends: an import of the file then knows it read all of it.
            writer.write(ExportEnd.line(summary.households()));
            writer.write('\n');
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf(
                    "wrote %,d households, %,d people (%,d POOR, %,d MONITORED, %,d LIFTED) to %s in %.1f s%n",
                    summary.households(),
                    summary.people(),
                    summary.poorPeople(),
                    summary.monitoredPeople(),
                    summary.liftedPeople(),
                    out,
                    seconds);
            if (errorsPerKind > 0) {
                Path manifest = Path.of(out + ".planted.tsv");
                writeManifest(summary, manifest);
                err.printf(
                        "planted %d errors of each of %d kinds (%d findings to expect) in %,d households: %s%n",
                        errorsPerKind,
                        PlantedErrors.Kind.values().length,
                        summary.planted().size(),
                        summary.planted().stream()
                                .map(PlantedErrors.Planted::householdId)
                                .distinct()
                                .count(),
                        manifest);
            }
            return 0;
        } catch (IOException e) {
            err.println("cannot write " + out + ": " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** One line per finding the planted errors must give: code, household, member (empty for the household). */
    private static void writeManifest(ProvinceGenerator.Summary summary, Path manifest) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            writer.write("code\thouseholdId\tmemberId\n");
            for (PlantedErrors.Planted p : summary.planted()) {
                writer.write(
                        p.code() + "\t" + p.householdId() + "\t" + (p.memberId() == null ? "" : p.memberId()) + "\n");
            }
        }
    }
}
