package io.amends.web.security;

import io.amends.users.boundary.SigningKeys;
import io.amends.users.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Loads the token signing key from the database once per node and hands out a ready {@link Tokens}. */
@ApplicationScoped
public class TokenKeys {

    @Inject
    SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "amends.token.issuer", defaultValue = "https://amends.local")
    String issuer;

    private volatile Tokens tokens;

    public Tokens tokens() {
        Tokens current = tokens;
        if (current == null) {
            synchronized (this) {
                if (tokens == null) {
                    signingKeys.createIfMissing();
                    SigningKey key = signingKeys.current().orElseThrow(() -> new IllegalStateException("No signing key"));
                    tokens = load(key);
                }
                current = tokens;
            }
        }
        return current;
    }

    private Tokens load(SigningKey key) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder b64 = Base64.getDecoder();
            return new Tokens(issuer, key.getKid(),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(key.getPrivateKey()))),
                    rsa.generatePublic(new X509EncodedKeySpec(b64.decode(key.getPublicKey()))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored signing key cannot be read", e);
        }
    }
}
