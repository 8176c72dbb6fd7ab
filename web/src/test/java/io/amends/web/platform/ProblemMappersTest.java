package io.amends.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.spi.ResourceAllocationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What the mappers answer for failures that are not the client's mistake. */
class ProblemMappersTest {

    @Test
    void anExhaustedConnectionPoolIsA503WithRetryAfterNotAnIncident() {
        // how Payara reports it, several layers down (docs/performance.md, the stall at 64 clients)
        Exception failure = new IllegalStateException("Exception [EclipseLink-4002]", new SQLException("Error in allocating a connection",
                new ResourceAllocationException("In-use connections equal max-pool-size and expired max-wait-time")));
        Response answer = ProblemMappers.unwrap(failure, "/api/v1/cases");
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((Problem) answer.getEntity()).detail()).contains("too busy");
    }
}
