package dev.daas.server.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Value samples of one evidence row, stored as a JSON array of distinct SQL texts. */
final class Samples {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  /** The column holds 16,000 characters; JSON escaping needs some of them. */
  private static final int MAX_STORED_CHARS = 15_000;

  private Samples() {}

  /** The stored samples with {@code added} appended, distinct, at most {@code max}. */
  static String merge(String stored, List<String> added, int max) {
    Set<String> all = new LinkedHashSet<>(read(stored));
    for (String sample : added) {
      if (all.size() >= max) {
        break;
      }
      List<String> candidate = new ArrayList<>(all);
      candidate.add(sample);
      if (write(candidate).length() <= MAX_STORED_CHARS) {
        all.add(sample);
      }
    }
    return all.isEmpty() ? null : write(new ArrayList<>(all));
  }

  static List<String> read(String stored) {
    if (stored == null || stored.isEmpty()) {
      return List.of();
    }
    try {
      return JSON.readValue(stored, LIST);
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static String write(List<String> samples) {
    try {
      return JSON.writeValueAsString(samples);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }
}
