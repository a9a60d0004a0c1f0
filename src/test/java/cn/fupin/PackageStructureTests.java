package cn.fupin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages depend on each other in one direction, and use only what another package offers:
 * its public types, and the sub-packages it names as interfaces ({@code @NamedInterface}). A cycle, or a
 * use of another package's internals, fails here with the types that make it.
 */
class PackageStructureTests {

    /** The order to read the packages in: each uses only those before it. */
    static final List<String> READING_ORDER =
            List.of("system", "household", "policy", "matching", "quality", "scenario", "reevaluation", "report");

    static final ApplicationModules MODULES = ApplicationModules.of(FupinApplication.class);

    @Test
    void featurePackagesFormNoCycleAndUseOnlyWhatOthersOffer() {
        MODULES.verify();
    }

    @Test
    void eachPackageUsesOnlyThoseBeforeItInTheReadingOrder() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrderElementsOf(READING_ORDER);
        for (ApplicationModule module : MODULES) {
            int position = READING_ORDER.indexOf(module.getIdentifier().toString());
            List<String> later = module.getDirectDependencies(MODULES).stream()
                    .map(ApplicationModuleDependency::getTargetModule)
                    .map(target -> target.getIdentifier().toString())
                    .filter(target -> READING_ORDER.indexOf(target) > position)
                    .distinct()
                    .toList();
            assertThat(later)
                    .as("packages after %s that it uses", module.getIdentifier())
                    .isEmpty();
        }
    }
}
