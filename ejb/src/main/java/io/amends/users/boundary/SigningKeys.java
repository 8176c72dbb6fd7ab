package io.amends.users.boundary;

import io.amends.platform.control.AmendsClock;
import io.amends.users.entity.SigningKey;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The key pair that signs bearer tokens: created once, on first start, and shared by every node through the database.
 */
@Stateless
public class SigningKeys {

    static final String PRIMARY = "amends-1";

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Inject
    AmendsClock clock;

    public Optional<SigningKey> current() {
        return Optional.ofNullable(em.find(SigningKey.class, PRIMARY));
    }

    /** Creates the key pair if there is none. Two nodes racing here: the primary key lets one insert win. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createIfMissing() {
        if (current().isPresent()) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder b64 = Base64.getEncoder();
            em.persist(new SigningKey(PRIMARY, b64.encodeToString(pair.getPublic().getEncoded()),
                    b64.encodeToString(pair.getPrivate().getEncoded()), clock.now()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no RSA", e);
        }
    }
}
