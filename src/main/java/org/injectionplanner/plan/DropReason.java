package org.injectionplanner.plan;

/** Why a site of the previous session is not injected again (a {@link DroppedSite}). */
public enum DropReason {
    /** The pain at the site has resolved. */
    RESOLVED("resolved"),
    /** The patient did not tolerate the injection there. */
    NOT_TOLERATED("not tolerated"),
    /** Another reason, written in the note. */
    OTHER("other");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    /** As shown and as macros name it: "resolved", "not tolerated", "other". */
    public String label() {
        return label;
    }

    /**
     * The reason labelled {@code text} (case and the separator between words ignored: "not-tolerated" works).
     *
     * @throws IllegalArgumentException naming the reasons there are
     */
    public static DropReason of(String text) {
        String t = text.strip().replace('-', ' ').replace('_', ' ');
        for (DropReason r : values()) {
            if (r.label.equalsIgnoreCase(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("reason: '" + text + "' is none of resolved, not tolerated, other");
    }
}
