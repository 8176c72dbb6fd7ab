package io.amends.cases.boundary;

import io.amends.cases.entity.CaseStatus;
import io.amends.cases.entity.Severity;
import java.util.Set;

/**
 * Which cases a list shows. {@code mine} limits to the caller's own; {@code active} to cases still being worked.
 */
public record CaseFilter(boolean mine, boolean active, Set<CaseStatus> statuses, Set<Severity> severities, Long accountId,
                         String rootCause) {

    public static CaseFilter all() {
        return new CaseFilter(false, false, Set.of(), Set.of(), null, null);
    }
}
