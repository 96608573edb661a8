package app.soiree.api.error;

import java.util.List;

/**
 * Input that breaks a rule no annotation can state (one field compared with another, or with what the platform
 * knows), answered as a {@code VALIDATION_FAILED} 400 that names the fields at fault. After a trip through the
 * command bus only the code survives, so a controller checks such rules before it sends.
 */
public class InvalidFieldsException extends SoireeException {

    private final List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(ErrorCode.VALIDATION_FAILED, problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b)
                .orElseThrow(() -> new IllegalArgumentException("name at least one field")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One field of a request and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
