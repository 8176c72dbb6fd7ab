package io.amends.compensation.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictTest {

    @ParameterizedTest(name = "{0} needs {1} approvals")
    @CsvSource({"AUTO_APPROVED, 0", "NEEDS_FINANCE, 1", "NEEDS_TWO_FINANCE, 2"})
    void approvableVerdictsSayHowManyFinanceApprovalsTheyNeed(Verdict verdict, int approvals) {
        assertThat(verdict.requiredApprovals()).isEqualTo(approvals);
        assertThat(verdict.isApprovable()).isTrue();
        assertThat(verdict.isRefused()).isFalse();
        assertThat(verdict.needsFinance()).isEqualTo(approvals > 0);
    }

    @Test
    void aRefusalCannotBeApprovedByAnyNumberOfApprovers() {
        assertThat(Verdict.REFUSED.isRefused()).isTrue();
        assertThat(Verdict.REFUSED.isApprovable()).isFalse();
        assertThat(Verdict.REFUSED.needsFinance()).isFalse();
        assertThatThrownBy(Verdict.REFUSED::requiredApprovals).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verdictsAreOrderedFromMostLenientToStrictest() {
        assertThat(Verdict.AUTO_APPROVED.isMoreLenientThan(Verdict.NEEDS_FINANCE)).isTrue();
        assertThat(Verdict.NEEDS_FINANCE.isMoreLenientThan(Verdict.NEEDS_TWO_FINANCE)).isTrue();
        assertThat(Verdict.NEEDS_TWO_FINANCE.isMoreLenientThan(Verdict.REFUSED)).isTrue();
        assertThat(Verdict.REFUSED.isStricterThan(Verdict.AUTO_APPROVED)).isTrue();
        assertThat(Verdict.NEEDS_FINANCE.isStricterThan(Verdict.NEEDS_FINANCE)).isFalse();
        assertThat(Verdict.NEEDS_FINANCE.isMoreLenientThan(Verdict.NEEDS_FINANCE)).isFalse();
    }

    @Test
    void combiningTwoVerdictsKeepsTheStricter() {
        assertThat(Verdict.NEEDS_FINANCE.stricter(Verdict.REFUSED)).isEqualTo(Verdict.REFUSED);
        assertThat(Verdict.NEEDS_TWO_FINANCE.stricter(Verdict.AUTO_APPROVED)).isEqualTo(Verdict.NEEDS_TWO_FINANCE);
        assertThat(Verdict.AUTO_APPROVED.stricter(Verdict.AUTO_APPROVED)).isEqualTo(Verdict.AUTO_APPROVED);
    }
}
