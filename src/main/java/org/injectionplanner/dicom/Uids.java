package org.injectionplanner.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** UIDs under the {@code 2.25} root, derived from UUIDs (PS3.5 B.2). */
public final class Uids {

    /** This implementation's class UID, fixed once (PS3.5 B.2 advises against a fresh one per run). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.107014562110219349516852552576524760900";
    /** Implementation Version Name (at most 16 characters). */
    public static final String IMPLEMENTATION_VERSION_NAME = "INJPLANNER_0_1";

    public static final String US_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.6.1";
    public static final String US_MULTIFRAME_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.3.1";

    private Uids() {
    }

    /** A new random UID. */
    public static String random() {
        return of(UUID.randomUUID());
    }

    /** A UID determined by {@code name} (a name-based UUID): the same name gives the same UID. */
    public static String fromName(String name) {
        return of(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code 2.25} UID of a UUID: its 128 bits as an unsigned decimal integer. */
    public static String of(UUID uuid) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putLong(uuid.getMostSignificantBits());
        b.putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
