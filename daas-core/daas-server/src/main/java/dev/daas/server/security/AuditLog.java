package dev.daas.server.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The audit log in the metadata store. Requests only enqueue (bounded; when full, events are
 * dropped and counted in the log); one background thread writes them in batches and prunes by age
 * and row count.
 */
@ApplicationScoped
public class AuditLog {
  private static final Logger LOG = Logger.getLogger(AuditLog.class);
  private static final int QUEUE = 10_000;
  private static final int BATCH = 500;

  @Inject AgroalDataSource metadata;
  @Inject SecurityConfig config;

  private final BlockingQueue<AuditEvent> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean running;
  private Thread writer;
  private long written;

  void onStart(@Observes StartupEvent event) {
    if (!config.audit().enabled()) {
      return;
    }
    running = true;
    writer = new Thread(this::drain, "daas-audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    if (writer != null) {
      writer.interrupt();
    }
  }

  public void record(AuditEvent event) {
    if (running && !queue.offer(event) && dropped.incrementAndGet() % 1000 == 1) {
      LOG.warnf("The audit queue is full; %d events dropped so far", dropped.get());
    }
  }

  /** Newest first. */
  public List<AuditEvent> query(String source, String caller, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, caller, roles, method, path, source, entity, operation, filter,"
                + " row_count, status, latency_ms FROM audit_event WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (source != null && !source.isBlank()) {
      sql.append(" AND source = ?");
      parameters.add(source);
    }
    if (caller != null && !caller.isBlank()) {
      sql.append(" AND caller = ?");
      parameters.add(caller);
    }
    sql.append(" ORDER BY id DESC");
    try (Connection c = metadata.getConnection();
        PreparedStatement s = c.prepareStatement(sql.toString())) {
      s.setMaxRows(limit);
      for (int i = 0; i < parameters.size(); i++) {
        s.setObject(i + 1, parameters.get(i));
      }
      List<AuditEvent> events = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int rows = r.getInt("row_count");
          events.add(
              new AuditEvent(
                  r.getLong("id"),
                  r.getTimestamp("at").toInstant(),
                  r.getString("caller"),
                  r.getString("roles"),
                  r.getString("method"),
                  r.getString("path"),
                  r.getString("source"),
                  r.getString("entity"),
                  r.getString("operation"),
                  r.getString("filter"),
                  r.wasNull() ? null : rows,
                  r.getInt("status"),
                  r.getLong("latency_ms")));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log", e);
    }
  }

  private void drain() {
    List<AuditEvent> batch = new ArrayList<>();
    while (running) {
      try {
        AuditEvent first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
        written += batch.size();
        if (written >= 1000) {
          written = 0;
          prune();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | SQLException e) {
        LOG.warnf("Cannot write %d audit events: %s", batch.size(), e.toString());
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<AuditEvent> batch) throws SQLException {
    try (Connection c = metadata.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_event (at, caller, roles, method, path, source, entity,"
                    + " operation, filter, row_count, status, latency_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEvent e : batch) {
        s.setTimestamp(1, Timestamp.from(e.at()));
        s.setString(2, cut(e.caller(), 256));
        s.setString(3, cut(e.roles(), 2048));
        s.setString(4, cut(e.method(), 16));
        s.setString(5, cut(e.path(), 2048));
        s.setString(6, cut(e.source(), 256));
        s.setString(7, cut(e.entity(), 512));
        s.setString(8, cut(e.operation(), 32));
        s.setString(9, cut(e.filter(), 2048));
        if (e.rows() == null) {
          s.setNull(10, Types.INTEGER);
        } else {
          s.setInt(10, e.rows());
        }
        s.setInt(11, e.status());
        s.setLong(12, e.latencyMs());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private void prune() throws SQLException {
    try (Connection c = metadata.getConnection();
        PreparedStatement old = c.prepareStatement("DELETE FROM audit_event WHERE at < ?");
        PreparedStatement many =
            c.prepareStatement(
                "DELETE FROM audit_event WHERE id <= (SELECT MAX(id) FROM audit_event) - ?")) {
      old.setTimestamp(1, Timestamp.from(Instant.now().minus(config.audit().retention())));
      old.executeUpdate();
      many.setLong(1, config.audit().maxRows());
      many.executeUpdate();
    }
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
