package dev.daas.server.webhook;

import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Events of a webhook whose every attempt failed ({@code webhook_dead_letter}). */
@ApplicationScoped
public class DeadLetters {
  private static final int MAX_ERROR = 1024;

  /**
   * One dead letter.
   *
   * @param event the event as it was to be sent (already shaped by the webhook's role)
   */
  public record DeadLetter(
      long id,
      long sequence,
      String entity,
      @JsonRawValue String event,
      int attempts,
      String lastError,
      Instant failedAt) {}

  @Inject WebhookStore store;

  void add(
      String webhookId, long sequence, String entity, String body, int attempts, String error) {
    store.call(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO webhook_dead_letter (webhook_id, seq_no, entity, body, attempts,"
                      + " last_error, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, webhookId);
            ps.setLong(2, sequence);
            ps.setString(3, entity);
            ps.setString(4, body);
            ps.setInt(5, attempts);
            ps.setString(6, truncate(error));
            ps.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            return ps.executeUpdate();
          }
        });
  }

  /** The webhook's dead letters, oldest first, at most {@code limit}. */
  List<DeadLetter> list(String webhookId, int limit) {
    return store.call(
        c -> {
          List<DeadLetter> letters = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, seq_no, entity, body, attempts, last_error, failed_at"
                      + " FROM webhook_dead_letter WHERE webhook_id = ? ORDER BY id FETCH FIRST "
                      + limit
                      + " ROWS ONLY")) {
            ps.setString(1, webhookId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                OffsetDateTime failed = rs.getObject(7, OffsetDateTime.class);
                letters.add(
                    new DeadLetter(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        failed == null ? null : failed.toInstant()));
              }
            }
          }
          return letters;
        });
  }

  void delete(long id) {
    store.call(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM webhook_dead_letter WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate();
          }
        });
  }

  /** Records one more failed attempt (a failed replay). */
  void failedAgain(long id, String error) {
    store.call(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE webhook_dead_letter SET attempts = attempts + 1, last_error = ?,"
                      + " failed_at = ? WHERE id = ?")) {
            ps.setString(1, truncate(error));
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setLong(3, id);
            return ps.executeUpdate();
          }
        });
  }

  private static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }
}
