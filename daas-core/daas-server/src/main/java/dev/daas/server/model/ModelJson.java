package dev.daas.server.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.daas.model.DataModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The JSON form of a model (docs/model.md) and its content hash. A mapper of its own, not the HTTP
 * one, so that a change of HTTP settings can never change stored documents or their hashes.
 */
public final class ModelJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ModelJson() {}

  public static String write(DataModel model) {
    try {
      return MAPPER.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the model of " + model.source(), e);
    }
  }

  public static DataModel read(String json) {
    try {
      return MAPPER.readValue(json, DataModel.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a stored model document cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  /** SHA-256 of the document, hex: equal hashes mean equal models. */
  public static String hash(String json) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(json.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
