package io.amends.web.security;

import io.amends.users.entity.Caller;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Issues the bearer tokens of the REST API: RS256-signed JWTs in the MicroProfile JWT shape ({@code iss}, {@code sub},
 * {@code upn}, {@code groups}, {@code iat}, {@code exp}, {@code jti}), plus {@code acct} for a client user's account.
 *
 * <p>Plain JDK crypto and JSON-P. Checking them is Payara's MicroProfile JWT implementation's job ({@link TokenKeys}).
 */
public final class Tokens {

    public static final String ALGORITHM = "RS256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final String kid;
    private final PrivateKey privateKey;

    public Tokens(String issuer, String kid, PrivateKey privateKey) {
        this.issuer = issuer;
        this.kid = kid;
        this.privateKey = privateKey;
    }

    public String issue(Caller caller, Instant now, Duration lifetime) {
        String header = Json.createObjectBuilder().add("alg", ALGORITHM).add("typ", "JWT").add("kid", kid).build().toString();
        JsonArrayBuilder groups = Json.createArrayBuilder();
        caller.roles().forEach(r -> groups.add(r.name()));
        var claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", caller.username())
                .add("upn", caller.username())
                .add("groups", groups)
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(lifetime).getEpochSecond())
                .add("jti", UUID.randomUUID().toString());
        if (caller.accountId() != null) {
            claims.add("acct", caller.accountId());
        }
        String signingInput = encode(header) + "." + encode(claims.build().toString());
        return signingInput + "." + B64.encodeToString(sign(signingInput));
    }

    private byte[] sign(String input) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
