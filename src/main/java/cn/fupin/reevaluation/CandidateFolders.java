package cn.fupin.reevaluation;

import cn.fupin.system.FieldError;
import cn.fupin.system.FieldErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a dry run may take a candidate rules folder from: only folders under {@code app.reevaluation.candidates-root},
 * where policy staff put drafts for review. Anywhere else on the server is refused with one answer whether it
 * exists or not, so the field can neither compile DRL from an arbitrary folder nor tell which folders exist.
 * A name is taken relative to the root; symbolic links are followed before the check, so none leads out.
 */
@Component
class CandidateFolders {

    static final String OUTSIDE = "must name a folder under the candidates root (app.reevaluation.candidates-root)";

    private final Path root;

    CandidateFolders(@Value("${app.reevaluation.candidates-root:rules-candidates}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The candidate folder, or null with an error on {@code rulesDir}. */
    Path resolve(String given, FieldErrors errors) {
        Path dir;
        try {
            dir = root.resolve(given.strip()).normalize();
        } catch (InvalidPathException e) {
            errors.add(new FieldError("rulesDir", OUTSIDE));
            return null;
        }
        if (!dir.startsWith(root) || dir.equals(root)) {
            errors.add(new FieldError("rulesDir", OUTSIDE));
            return null;
        }
        try {
            Path real = dir.toRealPath();
            if (!real.startsWith(root.toRealPath()) || !Files.isDirectory(real)) {
                errors.add(new FieldError(
                        "rulesDir", Files.isDirectory(real) ? OUTSIDE : "is not a folder under the candidates root"));
                return null;
            }
            return real;
        } catch (IOException e) {
            errors.add(new FieldError("rulesDir", "is not a folder under the candidates root"));
            return null;
        }
    }
}
