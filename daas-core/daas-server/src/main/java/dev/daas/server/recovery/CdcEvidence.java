package dev.daas.server.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.model.EvidenceChannel;
import dev.daas.recovery.evidence.ObservedValues;
import dev.daas.recovery.evidence.TableActivity;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What change data capture adds to recovery, read from the durable change log ({@code cdc_change}):
 * the values rows were written with, for value domains. Only the newest {@link #SAMPLE_ROWS}
 * changes of a source are read, and of their after images only short texts and whole numbers, the
 * kinds of value an enum-like column holds.
 */
@ApplicationScoped
public class CdcEvidence {
  /** Newest changes of a source whose after images are read. */
  static final int SAMPLE_ROWS = 2000;

  /** Longest text value taken as a possible enum value. */
  static final int MAX_TEXT = 64;

  @Inject AgroalDataSource metadata;
  @Inject ObjectMapper json;

  /** Inserts, updates and deletes per table in the retained change log of the source. */
  public List<TableActivity> activity(long sourceId) {
    Map<String, long[]> counts = new TreeMap<>();
    try (Connection c = metadata.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT schema_name, table_name, operation, COUNT(*) FROM cdc_change"
                    + " WHERE source_id = ? AND channel IS NULL GROUP BY schema_name, table_name, operation")) {
      ps.setLong(1, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long[] c3 =
              counts.computeIfAbsent(qualified(rs.getString(1), rs.getString(2)), k -> new long[3]);
          switch (rs.getString(3)) {
            case "create" -> c3[0] += rs.getLong(4);
            case "update" -> c3[1] += rs.getLong(4);
            case "delete" -> c3[2] += rs.getLong(4);
            default -> {
              // snapshot reads and truncations are not row writes
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the change log: " + e.getMessage(), e);
    }
    List<TableActivity> activity = new ArrayList<>();
    counts.forEach(
        (table, c3) ->
            activity.add(new TableActivity(table, c3[0], c3[1], c3[2], EvidenceChannel.CDC)));
    return activity;
  }

  private static String qualified(String schema, String table) {
    return schema == null || schema.isEmpty() ? table : schema + "." + table;
  }

  /**
   * Distinct values per column of the newest changes; a column with more than {@code maxDistinct}
   * values is reported with {@code maxDistinct + 1}, enough to show it is not enum-like.
   */
  public List<ObservedValues> values(long sourceId, int maxDistinct) {
    Map<String, Set<String>> byColumn = new TreeMap<>();
    try (Connection c = metadata.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT schema_name, table_name, after_json FROM cdc_change"
                    + " WHERE source_id = ? AND after_json IS NOT NULL"
                    + " ORDER BY seq_no DESC FETCH FIRST "
                    + SAMPLE_ROWS
                    + " ROWS ONLY")) {
      ps.setLong(1, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String schema = rs.getString(1);
          String table =
              schema == null || schema.isEmpty() ? rs.getString(2) : schema + "." + rs.getString(2);
          collect(table, json.readTree(rs.getString(3)), byColumn, maxDistinct);
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot read the change log: " + e.getMessage(), e);
    }
    List<ObservedValues> values = new ArrayList<>();
    byColumn.forEach(
        (column, distinct) -> {
          int dot = column.indexOf('\u0000');
          values.add(
              new ObservedValues(
                  column.substring(0, dot),
                  column.substring(dot + 1),
                  List.copyOf(distinct),
                  EvidenceChannel.CDC));
        });
    return values;
  }

  private static void collect(
      String table, JsonNode after, Map<String, Set<String>> byColumn, int maxDistinct) {
    for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      String text;
      if (value.isTextual() && value.textValue().length() <= MAX_TEXT) {
        text = value.textValue();
      } else if (value.isIntegralNumber()) {
        text = value.asText();
      } else {
        continue;
      }
      Set<String> distinct =
          byColumn.computeIfAbsent(table + '\u0000' + field.getKey(), k -> new TreeSet<>());
      if (distinct.size() <= maxDistinct) {
        distinct.add(text);
      }
    }
  }
}
