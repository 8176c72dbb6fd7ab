package io.amends.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Computes the hash that links an audit entry to its predecessor: {@code hex(SHA-256(UTF-8(previousHash + canonical
 * form)))}.
 *
 * <p>Hashes are 64 lower-case hex digits; the first entry's predecessor is {@link #GENESIS}. The previous hash has a
 * fixed length, so simply concatenating it with the canonical form is unambiguous.
 */
public final class HashChain {

    /** The "previous hash" of entry 1. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    /*
     * Every append and every verified entry hashes, so the provider lookup behind MessageDigest.getInstance is paid
     * once. Each call clones the prototype (a copy of a few dozen bytes of state) rather than keeping a digest per
     * thread: application servers pool their threads, and a ThreadLocal would outlive redeployments and hide state
     * in threads this code does not own.
     */
    private static final MessageDigest PROTOTYPE = sha256();

    private HashChain() {
    }

    /**
     * The hash of {@code record} appended after an entry whose hash is {@code previousHash}.
     *
     * @throws IllegalArgumentException if {@code previousHash} is not 64 lower-case hex digits
     */
    public static String hash(String previousHash, AuditRecord record) {
        Objects.requireNonNull(record, "record");
        if (!isHash(previousHash)) {
            throw new IllegalArgumentException("Not a hash (64 lower-case hex digits): " + previousHash);
        }
        MessageDigest digest = newDigest();
        digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        digest.update(record.canonicalForm().getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest());
    }

    /** Whether {@code candidate} has the shape of a hash this class produces: 64 lower-case hex digits. */
    public static boolean isHash(String candidate) {
        if (candidate == null || candidate.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = candidate.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException notCloneable) {
            // The JDK's SHA-256 is cloneable; a replacement provider might not be.
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
