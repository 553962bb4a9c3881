package dev.daas.server.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.recovery.curation.CurationRecord;
import dev.daas.server.store.CurationSetRecord;
import dev.daas.server.store.MetadataStore;
import dev.daas.server.store.SourceRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source's curation: what integrators decided about its recovered model (rename, hide, confirm,
 * reject, add, PII), stored apart from the evidence and applied at every recovery.
 */
@ApplicationScoped
public class Curations {
  /** Entries one source may hold; more says something went wrong in a script. */
  static final int MAX_ENTRIES = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<CurationRecord>> LIST = new TypeReference<>() {};

  @Inject MetadataStore sources;

  /** The stored entries of the source, in their order; empty when there are none. */
  public List<CurationRecord> entries(String source) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                sources
                    .curation(require(source).id)
                    .map(c -> read(c.entriesJson))
                    .orElse(List.of()));
  }

  /** Replaces the source's entries after checking every one; nothing is stored if one is bad. */
  public void replace(String source, List<CurationRecord> entries) {
    validate(entries);
    String json = write(entries);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              SourceRecord s = require(source);
              CurationSetRecord record =
                  sources
                      .curation(s.id)
                      .orElseGet(
                          () -> {
                            CurationSetRecord created = new CurationSetRecord();
                            created.sourceId = s.id;
                            created.entriesJson = "[]";
                            created.updatedAt = Instant.now();
                            sources.persist(created);
                            return created;
                          });
              record.entriesJson = json;
              record.updatedAt = Instant.now();
            });
  }

  static void validate(List<CurationRecord> entries) {
    if (entries == null) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "entries is required: {\"entries\": [...]} (an empty list removes all curation)",
          Map.of("field", "entries"));
    }
    List<Map<String, String>> violations = new ArrayList<>();
    if (entries.size() > MAX_ENTRIES) {
      violations.add(Map.of("field", "entries", "message", "holds more than " + MAX_ENTRIES));
    }
    for (int i = 0; i < entries.size(); i++) {
      CurationRecord entry = entries.get(i);
      if (entry == null) {
        violations.add(Map.of("field", "entries[" + i + "]", "message", "is null"));
        continue;
      }
      for (String problem : entry.problems()) {
        violations.add(Map.of("field", "entries[" + i + "]", "message", problem));
      }
    }
    if (!violations.isEmpty()) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "The curation has "
              + violations.size()
              + " invalid entr"
              + (violations.size() == 1 ? "y" : "ies"),
          Map.of("violations", violations));
    }
  }

  private SourceRecord require(String source) {
    return sources
        .source(source)
        .orElseThrow(
            () ->
                new DaasException(
                    ErrorCode.UNKNOWN_SOURCE,
                    "No source named " + source,
                    Map.of("source", source)));
  }

  private static List<CurationRecord> read(String json) {
    try {
      return JSON.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored curation is not readable: " + e.getMessage(), e);
    }
  }

  private static String write(List<CurationRecord> entries) {
    try {
      return JSON.writeValueAsString(entries);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("curation entries always serialise", e);
    }
  }
}
