package dev.daas.server.cdc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A change as one subscriber may see it ({@link Authorization#visibleRow}): the event is dropped
 * when its row (the after image, or the before image of a delete) is not visible; images are shaped
 * (hidden fields removed, masked fields masked); key members that are hidden or masked are removed.
 * A change without a row (truncate, coarse) reaches only callers whose access to the entity has no
 * row condition. A change that cannot be read is dropped, never passed on unshaped.
 */
public final class ChangeView implements UnaryOperator<ChangeRecord> {
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final Authorization authorization;
  private final ObjectMapper json;

  public ChangeView(Authorization authorization, ObjectMapper json) {
    this.authorization = authorization;
    this.json = json;
  }

  @Override
  @SuppressWarnings("unchecked")
  public ChangeRecord apply(ChangeRecord record) {
    try {
      Map<String, Object> event = json.readValue(record.data(), MAP);
      Map<String, Object> before = (Map<String, Object>) event.get("before");
      Map<String, Object> after = (Map<String, Object>) event.get("after");
      Map<String, Object> image = after != null ? after : before;
      if (image == null || Boolean.TRUE.equals(event.get("coarse"))) {
        // A truncate or a coarse change carries no row, so no row filter can be evaluated: only a
        // caller who sees every row of the entity may learn of it.
        return seesEveryRow(record.entity()) ? record : null;
      }
      Optional<Map<String, Object>> shown = authorization.visibleRow(record.entity(), image);
      if (shown.isEmpty()) {
        return null;
      }
      event.put("after", after == null ? null : shape(record.entity(), after));
      event.put("before", before == null ? null : shape(record.entity(), before));
      Object key = event.get("key");
      if (key instanceof Map<?, ?> keyMap) {
        Map<String, Object> visibleKey = new LinkedHashMap<>();
        keyMap.forEach(
            (name, value) -> {
              if (shown.get().containsKey(name)
                  && Objects.equals(shown.get().get(name), image.get(name))) {
                visibleKey.put((String) name, value);
              }
            });
        event.put("key", visibleKey);
      }
      return new ChangeRecord(record.sequence(), record.entity(), json.writeValueAsString(event));
    } catch (Exception e) {
      return null;
    }
  }

  /** Whether the caller may subscribe to the entity without a row condition. */
  private boolean seesEveryRow(String entity) {
    return authorization
        .access(entity, Operation.SUBSCRIBE)
        .map(access -> access.rowCondition() == null)
        .orElse(false);
  }

  private Map<String, Object> shape(String entity, Map<String, Object> row) {
    return authorization.visibleRow(entity, row).orElse(null);
  }
}
