package org.injectionplanner.safety;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The safety checks (docs/safety.md §3), by the name their findings carry in {@link Finding#check()}, and
 * whether a check judges the needle path: a path is coloured by those findings only, while those about what
 * the target is or holds (level, laterality, depth, volume) colour the target alone.
 */
public enum SafetyCheck {
    LATERALITY("laterality", false),
    LEVEL("level", false),
    DUPLICATE_SITE("duplicate-site", false),
    CALIBRATION("calibration", true),
    PATH_CALIBRATION("path-calibration", true),
    ZONE_CALIBRATION("zone-calibration", true),
    ZONE_CLEARANCE("zone-clearance", true),
    MIDLINE_DEPTH("midline-depth", false),
    DURA_DEPTH("dura-depth", false),
    NO_PATH("no-path", false),
    NEEDLE_LENGTH("needle-length", true),
    ENTRY_DEPTH("entry-depth", true),
    INSERTION_ANGLE("insertion-angle", true),
    OFF_IMAGE("off-image", true),
    SITE_VOLUME("site-volume", false),
    SESSION_VOLUME("session-volume", false),
    INTERVAL("interval", false),
    CONCENTRATION("concentration", false),
    DRUG_NAME("drug-name", false),
    PATIENT_WEIGHT("patient-weight", false),
    ANAESTHETIC_DOSE("anaesthetic-dose", false),
    TO_CONFIRM("to-confirm", false),
    IMAGE_SIDE("image-side", false),
    SERIES_LEVEL("series-level", false);

    private static final Map<String, SafetyCheck> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SafetyCheck::checkName, Function.identity()));

    private final String checkName;
    private final boolean aboutPath;

    SafetyCheck(String checkName, boolean aboutPath) {
        this.checkName = checkName;
        this.aboutPath = aboutPath;
    }

    /**
     * Whether a written reason can lift its violations: not for a site still to confirm, which is only
     * settled by placing it on today's image or dropping it (docs/safety.md §5).
     */
    public boolean overridable() {
        return this != TO_CONFIRM;
    }

    /** The name findings carry, e.g. "zone-clearance". */
    public String checkName() {
        return checkName;
    }

    /** Whether its findings judge a needle path (and colour it). */
    public boolean aboutPath() {
        return aboutPath;
    }

    /**
     * A finding's key: the check's name, then the kind of finding where a check has several (e.g.
     * "inside", "crosses") and the ids of what it is about, "/"-separated (docs/safety.md §4).
     */
    String key(Object... about) {
        StringBuilder key = new StringBuilder(checkName);
        for (Object id : about) {
            key.append('/').append(id);
        }
        return key.toString();
    }

    /** The check named {@code checkName}, if there is one. */
    public static Optional<SafetyCheck> named(String checkName) {
        return Optional.ofNullable(BY_NAME.get(checkName));
    }

    /** Whether the check named {@code checkName} judges a needle path (false for a name no check has). */
    public static boolean isAboutPath(String checkName) {
        return named(checkName).map(SafetyCheck::aboutPath).orElse(false);
    }
}
