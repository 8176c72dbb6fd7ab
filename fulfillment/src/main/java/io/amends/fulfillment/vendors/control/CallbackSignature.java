package io.amends.fulfillment.vendors.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a vendor proves that a callback comes from it: an HMAC-SHA256, keyed with the secret the vendor and Amends
 * share, over {@code timestamp + "." + body}, sent as {@code X-Amends-Signature: sha256=<hex>} beside
 * {@code X-Amends-Timestamp: <Unix seconds>}.
 *
 * <p>The timestamp is inside the signature, so it cannot be changed, and a callback older (or newer) than the
 * tolerance is refused, so a captured callback cannot be replayed later. Within the tolerance a replay is harmless:
 * applying the same status twice changes nothing. Signatures are compared in constant time.
 */
public final class CallbackSignature {

    public static final String TIMESTAMP_HEADER = "X-Amends-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Amends-Signature";
    private static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    /** The outcome of checking a callback, each refusal with the reason that goes to the log (never to the caller). */
    public enum Verdict {
        VALID(null),
        NO_SECRET("no callback secret is configured for this vendor"),
        MISSING("the timestamp or signature header is missing"),
        MALFORMED("the timestamp or signature header is malformed"),
        STALE("the timestamp is outside the tolerance (replayed, or the clocks disagree)"),
        MISMATCH("the signature does not match the body (wrong secret, or the body was changed)");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private CallbackSignature() {
    }

    /** The signature header value for a body, as a vendor computes it: {@code sha256=<64 hex digits>}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    public static Verdict verify(String secret, String timestamp, String signature, byte[] body, Instant now, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            return Verdict.NO_SECRET;
        }
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.MISSING;
        }
        String stamp = timestamp.strip();
        if (!stamp.matches("\\d{1,12}")) {
            return Verdict.MALFORMED;
        }
        String presented = signature.strip();
        if (presented.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            presented = presented.substring(SCHEME.length());
        }
        if (!presented.matches("[0-9a-fA-F]{64}")) {
            return Verdict.MALFORMED;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(stamp));
        if (Duration.between(sent, now).abs().compareTo(tolerance) > 0) {
            return Verdict.STALE;
        }
        byte[] expected = mac(secret, stamp, body == null ? new byte[0] : body);
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(presented)) ? Verdict.VALID : Verdict.MISMATCH;
    }

    private static byte[] mac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
