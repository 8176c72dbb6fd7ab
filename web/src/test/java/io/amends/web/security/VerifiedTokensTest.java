package io.amends.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long T0 = 1_800_000_000_000L;
    private final AtomicLong now = new AtomicLong(T0);
    private final VerifiedTokens tokens = new VerifiedTokens(now::get);
    private final Caller alice = new Caller("alice", Set.of(Role.ACCOUNT_MANAGER), null);

    @Test
    void aVerifiedTokenIsRememberedForItsCallerAndOnlyUnderItsWholeText() {
        tokens.put("header.payload.signature", alice, T0 / 1000 + 900);
        assertThat(tokens.get("header.payload.signature")).contains(alice);
        assertThat(tokens.get("header.payload.signaturX")).isEmpty();
        assertThat(tokens.get("header.payload.")).isEmpty();
    }

    @Test
    void aTokenIsNeverTakenFromMemoryAtOrAfterItsExpiry() {
        tokens.put("t", alice, T0 / 1000 + 30);
        now.set(T0 + 29_999);
        assertThat(tokens.get("t")).contains(alice);
        now.set(T0 + 30_000);
        assertThat(tokens.get("t")).isEmpty();
        assertThat(tokens.size()).as("the expired entry is dropped").isZero();
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterAMinute() {
        tokens.put("t", alice, T0 / 1000 + 3600);
        now.set(T0 + VerifiedTokens.AT_MOST.toMillis() - 1);
        assertThat(tokens.get("t")).contains(alice);
        now.set(T0 + VerifiedTokens.AT_MOST.toMillis());
        assertThat(tokens.get("t")).isEmpty();
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES + 5; i++) {
            tokens.put("t" + i, alice, T0 / 1000 + 900);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_ENTRIES);
        assertThat(tokens.get("t" + (VerifiedTokens.MAX_ENTRIES + 5))).contains(alice);
    }
}
