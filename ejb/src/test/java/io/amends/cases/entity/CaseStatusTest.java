package io.amends.cases.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void theActiveSetIsExactlyTheStatusesThatAreActive() {
        assertThat(CaseStatus.ACTIVE).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CaseStatus.values()).filter(CaseStatus::isActive).toList());
        assertThat(CaseStatus.ACTIVE).doesNotContain(CaseStatus.RESOLVED, CaseStatus.CLOSED);
    }

    @Test
    void everyMoveOutOfWorkGoesThroughResolvedAndReopeningPutsACaseBackToWork() {
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : from.next()) {
                if (from.isActive() && !to.isActive()) {
                    assertThat(to).as(from + " -> " + to).isEqualTo(CaseStatus.RESOLVED);
                }
                if (!from.isActive() && to.isActive()) {
                    assertThat(to).as(from + " -> " + to).isEqualTo(CaseStatus.REOPENED);
                }
            }
        }
    }
}
