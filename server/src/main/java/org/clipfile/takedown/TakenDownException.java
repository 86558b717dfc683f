package org.clipfile.takedown;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;
/** An article on the takedown list was posted or imported again: refused until an administrator lifts it. */
public class TakenDownException extends ProblemException {
    private final String takedown;

    public TakenDownException(String message, String takedown) {
        super(HttpStatus.CONFLICT, "taken-down", "Article taken down", message);
        this.takedown = takedown;
        // Says which takedown, so an admin can lift it.
        property("takedown", takedown);
    }

    /** The id of the takedown entry, for {@code DELETE /api/takedowns/{id}}. */
    public String takedown() {
        return takedown;
    }
}
