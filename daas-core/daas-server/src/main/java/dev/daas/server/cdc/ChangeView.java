package dev.daas.server.cdc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.EntityAccess;
import dev.daas.gateway.policy.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A change as one subscriber may see it ({@link Authorization#visibleRow}): the event is dropped
 * when its row (the after image, or the before image of a delete) is not visible; images are shaped
 * (hidden fields removed, masked fields masked); key members that are hidden or masked are removed.
 *
 * <p>Images are first decoded into the fields' Java types ({@link ChangeValues}), so row filters
 * compare and masks digest the values the data API would, and values are written as the data API
 * writes them. A change that cannot be read or decoded is dropped, never passed on unshaped (only a
 * caller with full access gets it as logged). A change without a row (truncate, coarse) reaches
 * only callers whose access to the entity has no row condition.
 */
public final class ChangeView implements UnaryOperator<ChangeRecord> {
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final Authorization authorization;
  private final ObjectMapper json;
  private final ObjectReader reader;
  private final Map<String, ChangeValues> values = new ConcurrentHashMap<>();

  public ChangeView(Authorization authorization, ObjectMapper json) {
    this.authorization = authorization;
    this.json = json;
    // decimals keep every digit: a double would round them before a row filter compares them
    this.reader = json.readerFor(MAP).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  @Override
  public ChangeRecord apply(ChangeRecord record) {
    try {
      ChangeRecord shown = shape(record);
      return shown != null || !authorization.isUnrestricted() ? shown : record;
    } catch (Exception e) {
      return authorization.isUnrestricted() ? record : null;
    }
  }

  @SuppressWarnings("unchecked")
  private ChangeRecord shape(ChangeRecord record) throws Exception {
    Optional<EntityAccess> access = authorization.access(record.entity(), Operation.SUBSCRIBE);
    if (access.isEmpty()) {
      return null;
    }
    Map<String, Object> event = reader.readValue(record.data());
    Map<String, Object> before = (Map<String, Object>) event.get("before");
    Map<String, Object> after = (Map<String, Object>) event.get("after");
    if ((after == null && before == null) || Boolean.TRUE.equals(event.get("coarse"))) {
      // A truncate or a coarse change carries no row, so no row filter can be evaluated: only a
      // caller who sees every row of the entity may learn of it.
      return access.get().rowCondition() == null ? record : null;
    }
    ChangeValues decoder =
        values.computeIfAbsent(record.entity(), e -> new ChangeValues(access.get().entity()));
    Optional<Map<String, Object>> typedBefore =
        before == null ? Optional.of(Map.of()) : decoder.decode(before);
    Optional<Map<String, Object>> typedAfter =
        after == null ? Optional.of(Map.of()) : decoder.decode(after);
    if (typedBefore.isEmpty() || typedAfter.isEmpty()) {
      return null;
    }
    Map<String, Object> image = after != null ? typedAfter.get() : typedBefore.get();
    Optional<Map<String, Object>> shown = authorization.visibleRow(record.entity(), image);
    if (shown.isEmpty()) {
      return null;
    }
    event.put("after", after == null ? null : visible(record.entity(), typedAfter.get()));
    event.put("before", before == null ? null : visible(record.entity(), typedBefore.get()));
    if (event.get("key") instanceof Map<?, ?> keyMap) {
      Map<String, Object> visibleKey = new LinkedHashMap<>();
      keyMap.forEach(
          (column, value) -> {
            String field = decoder.fieldOf((String) column);
            if (shown.get().containsKey(field)
                && Objects.deepEquals(shown.get().get(field), image.get(field))) {
              visibleKey.put(field, shown.get().get(field));
            }
          });
      event.put("key", visibleKey);
    }
    return new ChangeRecord(record.sequence(), record.entity(), json.writeValueAsString(event));
  }

  private Map<String, Object> visible(String entity, Map<String, Object> row) {
    return authorization.visibleRow(entity, row).orElse(null);
  }
}
