package cn.fupin.policy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The floor of a reload: Drools compiling the DRL files of a rules folder into a knowledge base, and nothing
 * else (no per-file parse for error positions, no metadata check, no standards, no scenarios, no activation).
 * Three compiles to warm up, then the median of five.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=cn.fupin.policy.ReloadFloor -Dbench.args=rules</pre>
 */
public final class ReloadFloor {

    private ReloadFloor() {}

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args.length > 0 ? args[0] : "rules"))) {
            files = list.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < 8; run++) {
            long started = System.nanoTime();
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
            CompositeKnowledgeBuilder batch = builder.batch();
            for (Path file : files) {
                batch.add(
                        ResourceFactory.newByteArrayResource(
                                Files.readString(file, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)),
                        ResourceType.DRL);
            }
            batch.build();
            if (builder.hasErrors()) {
                throw new IllegalStateException(builder.getErrors().toString());
            }
            builder.newKieBase();
            if (run >= 3) {
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        Collections.sort(millis);
        System.out.printf("compile of %d DRL files: median %d ms (%s)%n", files.size(), millis.get(2), millis);
    }
}
