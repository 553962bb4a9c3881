package dev.daas.server.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Webhooks and their cursors in the metadata store ({@code webhook}). */
@ApplicationScoped
public class WebhookStore {
  private static final String SELECT =
      "SELECT w.id, s.name, w.source_id, w.url, w.entities, w.role, w.description,"
          + " w.secret_sealed, w.cursor_seq, w.created_at FROM webhook w"
          + " JOIN source s ON s.id = w.source_id";

  @Inject AgroalDataSource metadata;

  /** Functional JDBC work in its own transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  <T> T call(Work<T> work) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = metadata.getConnection()) {
                return work.run(c);
              }
            });
  }

  void insert(Webhook webhook) {
    call(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO webhook (id, source_id, url, entities, role, description,"
                      + " secret_sealed, cursor_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, webhook.id());
            ps.setLong(2, webhook.sourceId());
            ps.setString(3, webhook.url());
            ps.setString(4, String.join(",", webhook.entities()));
            ps.setString(5, webhook.role());
            ps.setString(6, webhook.description());
            ps.setString(7, webhook.sealedSecret());
            ps.setLong(8, webhook.cursor());
            ps.setObject(9, webhook.createdAt().atOffset(ZoneOffset.UTC));
            return ps.executeUpdate();
          }
        });
  }

  /** Every webhook of every source, for starting deliveries. */
  List<Webhook> all() {
    return query(SELECT + " ORDER BY w.created_at", null);
  }

  List<Webhook> list(String source) {
    return query(SELECT + " WHERE s.name = ? ORDER BY w.created_at", source);
  }

  Optional<Webhook> get(String source, String id) {
    return list(source).stream().filter(w -> w.id().equals(id)).findFirst();
  }

  /** Moves the cursor forward; false when the webhook was deleted meanwhile. */
  boolean advance(String id, long sequence) {
    return call(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE webhook SET cursor_seq = ? WHERE id = ? AND cursor_seq < ?")) {
            ps.setLong(1, sequence);
            ps.setString(2, id);
            ps.setLong(3, sequence);
            ps.executeUpdate();
          }
          return exists(c, id);
        });
  }

  boolean delete(String id) {
    return call(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
          }
        });
  }

  private static boolean exists(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM webhook WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private List<Webhook> query(String sql, String parameter) {
    return call(
        c -> {
          List<Webhook> webhooks = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
              ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                webhooks.add(
                    new Webhook(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        List.copyOf(Arrays.asList(rs.getString(5).split(","))),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getLong(9),
                        instant(rs.getObject(10, OffsetDateTime.class))));
              }
            }
          }
          return webhooks;
        });
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
