package org.clipfile.takedown;

/** An article on the takedown list was posted or imported again: refused until an administrator lifts it. */
public class TakenDownException extends RuntimeException {
    private final String takedown;

    public TakenDownException(String message, String takedown) {
        super(message);
        this.takedown = takedown;
    }

    /** The id of the takedown entry, for {@code DELETE /api/takedowns/{id}}. */
    public String takedown() {
        return takedown;
    }
}
