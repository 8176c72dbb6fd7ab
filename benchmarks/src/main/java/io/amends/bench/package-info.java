/**
 * Benchmarks of Amends; nothing here runs in the normal build or test command. docs/performance.md tells how to run
 * each and what was measured.
 *
 * <ul>
 *   <li>{@code io.amends.bench.jmh}: JMH micro-benchmarks of the pure hot paths (the compensation policy, the language
 *   coach, the audit hash chain), run with {@code java -jar benchmarks/target/benchmarks.jar}.</li>
 *   <li>{@code io.amends.bench.data}: the data generator, a million cases with everything that hangs off them, by JDBC
 *   batches into a schema the application's own Flyway migrations created.</li>
 *   <li>{@code io.amends.bench.load}: the HTTP load generator (closed loop, one kept-alive connection per client,
 *   HdrHistogram), driven by {@code benchmarks/load/run.sh}.</li>
 *   <li>{@code io.amends.bench.audit}: whole-chain verification straight from the database, to compare with the
 *   server's {@code GET /api/v1/audit/verify}.</li>
 * </ul>
 *
 * <p>Design decisions:
 * <ul>
 *   <li><b>A Java load generator rather than wrk.</b> Several scenarios are flows (a case page is seven requests; a
 *   proposal needs a case and a contact of the caller's own accounts), tokens come from the API, and a per-page
 *   latency needs the sum of its requests: simple in Java, awkward in wrk's Lua. To keep its cost low on a machine
 *   whose two cores it shares with the server, it speaks HTTP/1.1 over plain sockets, one thread and one connection
 *   per client, with no client library.</li>
 *   <li><b>Closed loop.</b> Each client sends its next request when the previous answer arrived, like wrk; latencies
 *   are service times under that concurrency (a fixed arrival rate would also show queueing delay).</li>
 *   <li><b>The schema comes from the application.</b> The generator never creates tables: the server is started once
 *   on the empty database (Flyway migrates, demo mode seeds the demo users), stopped, and then filled. A schema change
 *   therefore breaks the generator loudly at its first insert instead of silently measuring another schema.</li>
 *   <li><b>Reproducible.</b> Every random decision comes from a stream seeded by {@code --seed} and the account's
 *   number, and all times are relative to {@code --now}; the same pair gives the same rows and the same audit head
 *   hash.</li>
 * </ul>
 */
package io.amends.bench;
