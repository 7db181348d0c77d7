package io.newswatch.articles;

import java.util.List;

/** An article in the JSON format that cannot be used; names every invalid field. */
public final class InvalidArticleException extends Exception {

    /** One invalid field: its JSON name (or path) and what is wrong with it. */
    public record FieldError(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private final List<FieldError> errors;

    public InvalidArticleException(String where, List<FieldError> errors) {
        super((where == null ? "" : where + ": ") + errors.stream().map(FieldError::toString)
                .reduce((a, b) -> a + "; " + b).orElse("invalid article"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
