package io.amends.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The RSA key pair that signs bearer tokens, Base64 (X.509 / PKCS#8) encoded; shared by every node through the database. */
@Entity
@Table(name = "signing_key")
@NamedQuery(name = SigningKey.NEWEST, query = "SELECT k FROM SigningKey k ORDER BY k.createdAt DESC")
public class SigningKey {

    public static final String NEWEST = "SigningKey.newest";

    @Id
    private String kid;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Column(name = "private_key", nullable = false)
    private String privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SigningKey() {
        // for JPA
    }

    public SigningKey(String kid, String publicKey, String privateKey, Instant createdAt) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.createdAt = createdAt;
    }

    public String getKid() {
        return kid;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
