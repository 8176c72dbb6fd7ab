package io.amends.web.security;

import io.amends.users.boundary.SigningKeys;
import io.amends.users.control.VerificationKeySource;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import io.amends.users.entity.SigningKey;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Loads the token signing key from the database once per node: hands out a ready {@link Tokens} to issue tokens, and
 * checks tokens with Payara's MicroProfile JWT implementation.
 *
 * <p>Why Payara's verifier is reached by class name: Jakarta Security 3 allows one authentication mechanism per
 * application, and {@code @LoginConfig(authMethod = "MP-JWT")} would make Payara install its own
 * {@code JWTAuthenticationMechanism} next to ours, which handles the form sign-in and API keys too. So we keep our
 * mechanism and call the identity store Payara's mechanism uses, {@code SignedJWTIdentityStore}, configured by the
 * standard {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.publickey} (served from the database by
 * {@link VerificationKeySource}). Those two classes are Payara internals, not API: an upgrade of Payara must run the
 * system tests, which refuse forged, tampered, foreign-issuer and expired tokens.
 */
@ApplicationScoped
public class TokenKeys {

    static final String PAYARA_STORE = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore";
    static final String PAYARA_CREDENTIAL = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";

    @EJB
    SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "amends.token.issuer", defaultValue = "https://amends.local")
    String issuer;

    private final VerifiedTokens verified = new VerifiedTokens(System::currentTimeMillis);
    private volatile Tokens tokens;
    private volatile IdentityStore verifier;
    private volatile java.lang.reflect.Constructor<?> credential;

    public Tokens tokens() {
        Tokens current = tokens;
        if (current == null) {
            synchronized (this) {
                if (tokens == null) {
                    signingKeys.createIfMissing();
                    SigningKey key = signingKeys.current().orElseThrow(() -> new IllegalStateException("No signing key"));
                    VerificationKeySource.publish(key.getPublicKey());
                    tokens = load(key);
                }
                current = tokens;
            }
        }
        return current;
    }

    /** The caller a token speaks for, if it is ours (signature, issuer), not expired, and names only known roles. */
    public Optional<Caller> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > 8192) {
            return Optional.empty();
        }
        Optional<Caller> known = verified.get(token);
        if (known.isPresent()) {
            return known;
        }
        CredentialValidationResult result = verifier().validate(payaraCredential(token));
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Caller caller;
        try {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            jwt.getGroups().forEach(g -> roles.add(Role.valueOf(g)));
            caller = new Caller(jwt.getName(), roles, account(jwt.getClaim("acct")));
        } catch (RuntimeException unknownRoleOrClaim) {
            return Optional.empty();
        }
        verified.put(token, caller, jwt.getExpirationTime());
        return Optional.of(caller);
    }

    private static Long account(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof JsonNumber number) {
            return number.longValueExact();
        }
        return ((Number) claim).longValue();
    }

    private IdentityStore verifier() {
        IdentityStore current = verifier;
        if (current == null) {
            synchronized (this) {
                if (verifier == null) {
                    tokens(); // publishes the public key before Payara's store reads its configuration
                    credential = constructor(PAYARA_CREDENTIAL, String.class);
                    verifier = (IdentityStore) instantiate(PAYARA_STORE);
                }
                current = verifier;
            }
        }
        return current;
    }

    private Credential payaraCredential(String token) {
        verifier(); // resolves the constructor
        try {
            return (Credential) credential.newInstance(token);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Payara's " + PAYARA_CREDENTIAL + " cannot be created", e);
        }
    }

    /** Payara's class, looked up once: a token is checked on every API request. */
    private static java.lang.reflect.Constructor<?> constructor(String className, Class<?>... parameterTypes) {
        try {
            return Class.forName(className, true, TokenKeys.class.getClassLoader()).getConstructor(parameterTypes);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Payara's MicroProfile JWT (" + className + ") is not available; bearer tokens "
                    + "cannot be verified on this runtime", e);
        }
    }

    private static Object instantiate(String className) {
        try {
            return constructor(className).newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("Payara's MicroProfile JWT refused its configuration (mp.jwt.verify.*)", e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Payara's MicroProfile JWT (" + className + ") is not available; bearer tokens "
                    + "cannot be verified on this runtime", e);
        }
    }

    private Tokens load(SigningKey key) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder b64 = Base64.getDecoder();
            return new Tokens(issuer, key.getKid(),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(key.getPrivateKey()))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored signing key cannot be read", e);
        }
    }
}
