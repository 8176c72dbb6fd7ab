package io.amends.users.control;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Serves the public half of the token signing key as {@code mp.jwt.verify.publickey}, so that Payara's MicroProfile
 * JWT implementation verifies our tokens with the key that lives in the database.
 *
 * <p>A MicroProfile Config source is created by the runtime (a {@code ServiceLoader} on the application's class
 * loader), not by CDI, so it cannot query the database itself: the key is published here by whoever loads it, before
 * the first token is checked. It lives in this module, not in the web module, because on a full server the EAR's
 * class loader, which is the one Payara searches for config sources, does not see the web module's classes.
 *
 * <p>Its ordinal is above system properties and environment variables on purpose: tokens are signed with the stored
 * key, so verifying with any other key can only refuse every token.
 */
public class VerificationKeySource implements ConfigSource {

    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    private static volatile String pem;

    /** Publishes the public key (X.509 SubjectPublicKeyInfo, base64) that tokens must be signed with. */
    public static void publish(String base64PublicKey) {
        pem = "-----BEGIN PUBLIC KEY-----\n" + base64PublicKey + "\n-----END PUBLIC KEY-----";
    }

    @Override
    public Set<String> getPropertyNames() {
        return pem == null ? Set.of() : Set.of(PUBLIC_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        String current = pem;
        return current == null ? Map.of() : Map.of(PUBLIC_KEY, current);
    }

    @Override
    public String getValue(String propertyName) {
        return PUBLIC_KEY.equals(propertyName) ? pem : null;
    }

    @Override
    public String getName() {
        return "amends signing key (database)";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
