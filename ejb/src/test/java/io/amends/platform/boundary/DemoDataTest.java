package io.amends.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amends.users.boundary.Users;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** The precomputed demo password hashes sign the demo users in with the passwords the README prints. */
class DemoDataTest {

    @Test
    void everyPrecomputedHashIsTheHashOfThatUsersDemoPassword() throws GeneralSecurityException {
        assertEquals(8, DemoData.DEMO_HASHES.size());
        for (Map.Entry<String, String> demo : DemoData.DEMO_HASHES.entrySet()) {
            String[] parts = demo.getValue().split(":");
            assertEquals(4, parts.length, demo.getKey());
            assertEquals(Users.HASH_PARAMETERS.get("Pbkdf2PasswordHash.Algorithm"), parts[0], demo.getKey());
            assertEquals(Users.HASH_PARAMETERS.get("Pbkdf2PasswordHash.Iterations"), parts[1], demo.getKey());
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            assertEquals(32, salt.length, demo.getKey());
            byte[] actual = SecretKeyFactory.getInstance(parts[0]).generateSecret(new PBEKeySpec(
                    DemoData.demoPassword(demo.getKey()).toCharArray(), salt, Integer.parseInt(parts[1]), expected.length * 8))
                    .getEncoded();
            assertTrue(MessageDigest.isEqual(expected, actual), demo.getKey() + "'s hash is not of its demo password");
        }
    }
}
