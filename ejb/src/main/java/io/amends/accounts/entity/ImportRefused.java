package io.amends.accounts.entity;

import io.amends.platform.entity.Invalid;
import java.io.Serializable;
import java.util.List;

/**
 * Thrown when an import file has rows that cannot be taken as they are; nothing of the file is written. Answers 400
 * with one entry per offending row and column.
 */
public class ImportRefused extends Invalid {

    private static final long serialVersionUID = 1L;

    /** The most errors one refusal reports; a file that is wrong throughout needs one fix, not 10,000 lines. */
    public static final int MAX_REPORTED = 100;

    private final List<RowError> errors;
    private final int totalErrors;

    /**
     * What is wrong in one row of the file.
     *
     * @param row    the row as a spreadsheet numbers it: the header is row 1, the first value row 2
     * @param column the column's name, or null when the row as a whole is wrong
     */
    public record RowError(int row, String column, String message) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Where, for people: {@code row 7: ltv}, or {@code row 7}, or {@code header}. */
        public String where() {
            String place = row <= 1 ? "header" : "row " + row;
            return column == null ? place : place + ": " + column;
        }
    }

    public ImportRefused(List<RowError> errors) {
        super(errors.isEmpty() ? null : errors.get(0).where(), summary(errors));
        this.totalErrors = errors.size();
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_REPORTED)));
    }

    private static String summary(List<RowError> errors) {
        if (errors.size() == 1) {
            return "The file was not imported: " + errors.get(0).where() + ": " + errors.get(0).message();
        }
        String shown = errors.size() > MAX_REPORTED ? " (the first " + MAX_REPORTED + " are listed)" : "";
        return "The file was not imported: it has " + errors.size() + " errors" + shown + "; fix them and send the whole file again";
    }

    /** The errors to report, at most {@link #MAX_REPORTED}, in the order of the file. */
    public List<RowError> errors() {
        return errors;
    }

    public int totalErrors() {
        return totalErrors;
    }
}
