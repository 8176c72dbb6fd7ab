package io.amends.platform.entity;

/**
 * How long a node may keep reference data in memory: the rows only an administrator changes (root causes, tiers, SLA
 * policies), which every opened case reads.
 *
 * <p>The entities are {@code @Cacheable} in EclipseLink's shared cache with this expiry, and the queries that read
 * them keep their results for as long. A change commits through JPA on one node, which updates that node's cache at
 * once and drops its cached query results (EclipseLink invalidates a query's results when an entity of its class
 * changes); the other nodes of a cluster read the change when their copy expires, so an administrator's change takes
 * at most {@value #EXPIRY} ms to reach every node (docs/operations.md). Nothing else writes these tables: Flyway only
 * at start, before any node caches them.
 */
public final class ReferenceData {

    /** Milliseconds a node keeps reference data, for {@code @Cache(expiry = ...)}. */
    public static final int EXPIRY_MILLIS = 60_000;

    /** The same, for the {@code eclipselink.query-results-cache.expiry} query hint, which takes a string. */
    public static final String EXPIRY = "60000";

    /** Query hint: keep this query's results (per parameter values) in the node's memory. */
    public static final String RESULTS_CACHE = "eclipselink.query-results-cache";

    /** Query hint: how long a cached result may be used, see {@link #EXPIRY}. */
    public static final String RESULTS_CACHE_EXPIRY = "eclipselink.query-results-cache.expiry";

    private ReferenceData() {
    }
}
