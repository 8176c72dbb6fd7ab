package io.amends.users.boundary;

import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.users.control.VerifiedKeys;
import io.amends.users.entity.ApiKey;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys for systems: issued by an administrator (the key is shown once), checked on every system request, revocable.
 */
@Stateless
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Inject
    AmendsClock clock;

    @Inject
    VerifiedKeys verified;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The key itself, shown to the administrator once, with the stored record. */
    public record Issued(ApiKey key, String secret) {
    }

    public Issued issue(@NotBlank @Size(max = 120) String name, @NotNull Role role, @NotBlank String issuedBy) {
        if (role.isPerson()) {
            throw new Invalid("role", "An API key is for a system role: HELPDESK or STOREFRONT");
        }
        String prefix = random(8);
        String secret = "amk_" + prefix + "_" + random(32);
        ApiKey key = new ApiKey(name, prefix, sha256(secret), role, issuedBy, clock.now());
        em.persist(key);
        return new Issued(key, secret);
    }

    /**
     * The system that presents this key, if the key is genuine and not revoked. A read on every system request, so it
     * opens no transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Caller> verify(String presented) {
        if (presented == null || presented.length() > 100 || !presented.startsWith("amk_")) {
            return Optional.empty();
        }
        String[] parts = presented.split("_");
        if (parts.length != 3) {
            return Optional.empty();
        }
        String hash = sha256(presented);
        Optional<Caller> known = verified.get(hash);
        if (known.isPresent()) {
            return known;
        }
        Optional<Caller> caller = em.createNamedQuery(ApiKey.BY_PREFIX, ApiKey.class).setParameter("prefix", parts[1])
                .getResultStream().findFirst()
                .filter(ApiKey::isActive)
                .filter(k -> MessageDigest.isEqual(k.getKeyHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .map(k -> new Caller("apikey:" + k.getName(), EnumSet.of(k.getRole()), null));
        caller.ifPresent(c -> verified.put(hash, parts[1], c));
        return caller;
    }

    public List<ApiKey> all() {
        return em.createNamedQuery(ApiKey.ALL, ApiKey.class).getResultList();
    }

    public ApiKey revoke(long id) {
        ApiKey key = Optional.ofNullable(em.find(ApiKey.class, id)).orElseThrow(() -> new NotFound("API key", id));
        key.revoke(clock.now());
        String prefix = key.getPrefix();
        verified.forget(prefix);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before: the revocation is not visible to other transactions yet
            }

            @Override
            public void afterCompletion(int status) {
                verified.forget(prefix);
            }
        });
        return key;
    }

    static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
