package io.amends.intake.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.amends.cases.entity.Severity;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PrioritiesTest {

    @ParameterizedTest
    @CsvSource({"low,LOW", "Low,LOW", "1,LOW", "normal,MEDIUM", "Normal,MEDIUM", "medium,MEDIUM", "2,MEDIUM", "high,HIGH",
        "3,HIGH", "urgent,CRITICAL", "URGENT,CRITICAL", "critical,CRITICAL", "4,CRITICAL", "' high ',HIGH", "-,MEDIUM"})
    void helpdeskPrioritiesBecomeSeverities(String priority, Severity severity) {
        assertThat(Priorities.severityOf(priority)).contains(severity);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noPriorityIsAMediumCase(String priority) {
        assertThat(Priorities.severityOf(priority)).contains(Severity.MEDIUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "0", "blocker", "P1", "highest"})
    void anUnknownPriorityIsRefusedNotGuessed(String priority) {
        assertThat(Priorities.severityOf(priority)).isEqualTo(Optional.empty());
    }
}
