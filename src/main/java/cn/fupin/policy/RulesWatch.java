package cn.fupin.policy;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watch mode ({@code app.rules-watch.enabled=true}, off by default): when files of the rules folder change
 * and then stay unchanged for a quiet period, it reloads through the same gate as a policy user's reload.
 * A folder that does not pass is refused and logged; the active rules stay.
 */
@Component
@ConditionalOnProperty(name = "app.rules-watch.enabled", havingValue = "true")
class RulesWatch {

    private static final Logger log = LoggerFactory.getLogger(RulesWatch.class);

    private final ActiveRuleSet active;
    private final Path dir;
    private final Duration quiet;
    private WatchService watcher;

    RulesWatch(
            ActiveRuleSet active,
            @Value("${app.rules-dir:rules}") Path dir,
            @Value("${app.rules-watch.quiet-period:2s}") Duration quiet) {
        this.active = active;
        this.dir = dir.toAbsolutePath().normalize();
        this.quiet = quiet;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        for (Path folder : new Path[] {dir, dir.resolve(RulesFolder.SCENARIOS), dir.resolve(RulesFolder.QUALITY)}) {
            if (Files.isDirectory(folder)) {
                folder.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        Thread thread = new Thread(this::watch, "rules-watch");
        thread.setDaemon(true);
        thread.start();
        log.info("Watching {} for changes (quiet period {})", dir, quiet);
    }

    private void watch() {
        try {
            while (true) {
                drain(watcher.take());
                // Editors write a file in several steps: wait until nothing has changed for the quiet period.
                WatchKey more;
                while ((more = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reload() {
        try {
            ActiveRuleSet.Reload outcome = active.reload("watch");
            if (!outcome.activated()) {
                log.info("Rules folder changed but its rule set is the active one ({})", outcome.version());
            }
        } catch (RuleSetRefusedException e) {
            log.warn("Rules folder refused, the active rules stay: {}", e.getMessage());
            e.report().errors().forEach(problem -> log.warn("  {}", problem));
            e.report().failingScenarios().forEach(s -> log.warn("  {}: {} {}", s.file(), s.name(), s.failures()));
        } catch (RuntimeException e) {
            log.error("Reload after a change of the rules folder failed", e);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @PreDestroy
    void stop() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
