/**
 * Who may use Amends: staff and client users with their roles, API keys for systems, and the key that signs tokens.
 *
 * <p>Design decisions:
 * <ul>
 *   <li>Passwords are hashed with Jakarta Security's {@code Pbkdf2PasswordHash} (PBKDF2-HMAC-SHA256, 210,000
 *   iterations, the OWASP 2023 figure). That is slow on purpose, so a password is checked once per sign-in: the web
 *   UI keeps the identity in the HTTP session and the REST API exchanges the password for a short-lived signed token.</li>
 *   <li>Consecutive failures lock an account for a while that doubles with each further failure, so guessing is
 *   throttled per account; the answer to a wrong password and to a locked account is the same.</li>
 *   <li>API keys are long random strings: a SHA-256 of the key is enough to store them (no slow hash is needed for
 *   secrets with 190 bits of entropy), and lets every request be checked quickly. The key is shown once.</li>
 *   <li>The token signing key pair is created on first start and kept in the database, so that all nodes of a
 *   cluster verify each other's tokens. Payara's MicroProfile JWT implementation checks them; it reads its key from
 *   MicroProfile Config, so {@code control.VerificationKeySource} serves the stored public key as
 *   {@code mp.jwt.verify.publickey} (a config source here, not in the web module, because on a full server Payara
 *   looks for config sources with the EAR's class loader).</li>
 * </ul>
 */
package io.amends.users;
