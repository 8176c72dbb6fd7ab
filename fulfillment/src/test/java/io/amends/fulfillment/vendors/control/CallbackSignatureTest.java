package io.amends.fulfillment.vendors.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.amends.fulfillment.vendors.control.CallbackSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    private static final String SECRET = "florist-shared-secret";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String STAMP = String.valueOf(NOW.getEpochSecond());
    private static final byte[] BODY = "{\"orderId\":\"FL-1\",\"status\":\"dispatched\"}".getBytes(StandardCharsets.UTF_8);

    private static Verdict verify(String secret, String stamp, String signature, byte[] body, Instant now) {
        return CallbackSignature.verify(secret, stamp, signature, body, now, TOLERANCE);
    }

    @Test
    void aCallbackSignedWithTheSharedSecretIsValid() {
        String signature = CallbackSignature.sign(SECRET, STAMP, BODY);

        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(verify(SECRET, STAMP, signature, BODY, NOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((STAMP + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));

        assertThat(CallbackSignature.sign(SECRET, STAMP, BODY)).isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(expected));
    }

    @Test
    void theHexDigestIsAcceptedWithoutTheSchemeAndInCapitals() {
        String hex = CallbackSignature.sign(SECRET, STAMP, BODY).substring("sha256=".length());

        assertThat(verify(SECRET, STAMP, hex, BODY, NOW)).isEqualTo(Verdict.VALID);
        assertThat(verify(SECRET, STAMP, "SHA256=" + hex.toUpperCase(), BODY, NOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        assertThat(verify(SECRET, STAMP, CallbackSignature.sign("guessed-secret", STAMP, BODY), BODY, NOW)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aTamperedBodyIsRefused() {
        String signature = CallbackSignature.sign(SECRET, STAMP, BODY);
        byte[] tampered = "{\"orderId\":\"FL-1\",\"status\":\"delivered\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(verify(SECRET, STAMP, signature, tampered, NOW)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aTimestampChangedAfterSigningIsRefused() {
        String signature = CallbackSignature.sign(SECRET, STAMP, BODY);

        assertThat(verify(SECRET, String.valueOf(NOW.getEpochSecond() + 1), signature, BODY, NOW)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aStaleOrFutureTimestampIsRefusedEvenWhenSignedRight() {
        Instant sixMinutesAgo = NOW.minusSeconds(360);
        String old = String.valueOf(sixMinutesAgo.getEpochSecond());
        String future = String.valueOf(NOW.plusSeconds(360).getEpochSecond());

        assertThat(verify(SECRET, old, CallbackSignature.sign(SECRET, old, BODY), BODY, NOW)).isEqualTo(Verdict.STALE);
        assertThat(verify(SECRET, future, CallbackSignature.sign(SECRET, future, BODY), BODY, NOW)).isEqualTo(Verdict.STALE);
    }

    @Test
    void aTimestampJustInsideTheToleranceIsAccepted() {
        String fourMinutesAgo = String.valueOf(NOW.minusSeconds(240).getEpochSecond());

        assertThat(verify(SECRET, fourMinutesAgo, CallbackSignature.sign(SECRET, fourMinutesAgo, BODY), BODY, NOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void missingOrMalformedHeadersAreRefusedBeforeAnyHashing() {
        String signature = CallbackSignature.sign(SECRET, STAMP, BODY);

        assertThat(verify(SECRET, null, signature, BODY, NOW)).isEqualTo(Verdict.MISSING);
        assertThat(verify(SECRET, STAMP, null, BODY, NOW)).isEqualTo(Verdict.MISSING);
        assertThat(verify(SECRET, " ", signature, BODY, NOW)).isEqualTo(Verdict.MISSING);
        assertThat(verify(SECRET, "2026-11-25T10:00:00Z", signature, BODY, NOW)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify(SECRET, STAMP, "sha256=not-hex", BODY, NOW)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify(SECRET, STAMP, signature.substring(0, 20), BODY, NOW)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void withoutASecretNothingIsAccepted() {
        String unsigned = CallbackSignature.sign("any-secret", STAMP, BODY);

        assertThat(verify(null, STAMP, unsigned, BODY, NOW)).isEqualTo(Verdict.NO_SECRET);
        assertThat(verify("  ", STAMP, unsigned, BODY, NOW)).isEqualTo(Verdict.NO_SECRET);
    }

    @Test
    void everyRefusalHasAReasonForTheLog() {
        for (Verdict verdict : Verdict.values()) {
            assertThat(verdict.reason() == null).isEqualTo(verdict == Verdict.VALID);
        }
    }
}
