package cn.fupin.system;

import java.util.ArrayList;
import java.util.List;

/**
 * The bad fields of one request, collected while it is read so that the answer names every one of them, not
 * just the first ({@link InvalidInputException}, answered 400).
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(FieldError error) {
        errors.add(error);
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    /** Whether a field already has an error: a later check of the same field would only repeat it. */
    public boolean names(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** Ends the request with every error collected, if there is one. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
