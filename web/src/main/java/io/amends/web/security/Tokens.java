package io.amends.web.security;

import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and checks the bearer tokens of the REST API: RS256-signed JWTs in the MicroProfile JWT shape
 * ({@code upn}, {@code groups}), plus {@code acct} for a client user's account.
 *
 * <p>Plain JDK crypto and JSON-P, no container: a token is checked on every API request, so this is cheap (one RSA
 * signature verification, no database), and it is unit-tested without a server.
 */
public final class Tokens {

    public static final String ALGORITHM = "RS256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final String issuer;
    private final String kid;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public Tokens(String issuer, String kid, PrivateKey privateKey, PublicKey publicKey) {
        this.issuer = issuer;
        this.kid = kid;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
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

    /** The caller a token speaks for, if it is ours, intact, and not expired. */
    public Optional<Caller> verify(String token, Instant now) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonObject header = parse(parts[0]);
            if (!ALGORITHM.equals(header.getString("alg", null))) {
                return Optional.empty(); // refuses "none" and algorithm swaps
            }
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(B64D.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonObject claims = parse(parts[1]);
            if (!issuer.equals(claims.getString("iss", null))) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue());
            if (!now.isBefore(expires.plus(LEEWAY))) {
                return Optional.empty();
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (JsonValue group : claims.getJsonArray("groups")) {
                roles.add(Role.valueOf(((JsonString) group).getString()));
            }
            Long account = claims.containsKey("acct") ? claims.getJsonNumber("acct").longValue() : null;
            return Optional.of(new Caller(claims.getString("upn"), roles, account));
        } catch (RuntimeException | GeneralSecurityException e) {
            return Optional.empty();
        }
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

    private static JsonObject parse(String part) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(B64D.decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }
}
