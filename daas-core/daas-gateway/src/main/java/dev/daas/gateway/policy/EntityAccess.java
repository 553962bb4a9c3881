package dev.daas.gateway.policy;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.query.Condition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a caller may see of one entity for one operation: the union of the grants of its roles.
 *
 * <p>Rows: a row is visible when any grant's row condition holds ({@link #rowCondition()} is their
 * OR). Fields are decided per row, by the grants whose condition holds for that row: a field is
 * shown as it is if any of them shows it unmasked, masked if any shows it masked, else hidden. So a
 * role that sees every row with a field masked, joined with a role that sees the field unmasked in
 * its own region, reveals the field only in that region, never on every row. A field may appear in
 * a filter, sort, key or join only when every grant shows it unmasked ({@link #clear}): a condition
 * on a field hidden on some rows would reveal it there.
 */
public final class EntityAccess {
  /** How a field appears, from least to most revealing. */
  public enum FieldState {
    HIDDEN,
    MASKED,
    CLEAR
  }

  /** One role's grant, its row filter bound to the caller's claims. */
  record Grant(Condition condition, Set<String> visible, Map<String, ColumnMask> masks) {
    FieldState state(String field) {
      if (!visible.contains(field)) {
        return FieldState.HIDDEN;
      }
      return masks.containsKey(field) ? FieldState.MASKED : FieldState.CLEAR;
    }

    String describe() {
      return condition + "|" + new TreeSet<>(visible) + "|" + new TreeMap<>(masks);
    }
  }

  private final Entity entity;
  private final List<Grant> grants;
  private final Condition rowCondition;
  private final boolean uniform;
  private final String fingerprint;
  private final MaskKey maskKey;
  private final boolean foldStrings;

  EntityAccess(Entity entity, List<Grant> grants, MaskKey maskKey, boolean foldStrings) {
    this(entity, grants, false, requireNonNull(maskKey, "maskKey is null"), foldStrings);
  }

  private EntityAccess(
      Entity entity,
      List<Grant> grants,
      boolean unrestricted,
      MaskKey maskKey,
      boolean foldStrings) {
    this.entity = requireNonNull(entity, "entity is null");
    this.maskKey = maskKey;
    this.foldStrings = foldStrings;
    if (grants.isEmpty()) {
      throw new IllegalArgumentException("an entity access needs at least one grant");
    }
    this.grants = List.copyOf(grants);
    this.rowCondition =
        grants.stream().anyMatch(g -> g.condition() == null)
            ? null
            : grants.size() == 1
                ? grants.get(0).condition()
                : new Condition.Or(grants.stream().map(Grant::condition).toList());
    this.uniform =
        grants.stream()
            .allMatch(
                g ->
                    g.visible().equals(grants.get(0).visible())
                        && g.masks().equals(grants.get(0).masks()));
    // full access binds cursors to nothing more, so they stay those of the plain planner
    this.fingerprint =
        unrestricted ? "" : digest(grants.stream().map(Grant::describe).sorted().toList());
  }

  /** Full access: every row and field, unmasked. */
  static EntityAccess unrestricted(Entity entity) {
    Set<String> all = new LinkedHashSet<>();
    entity.attributes().forEach(a -> all.add(a.name()));
    return new EntityAccess(entity, List.of(new Grant(null, all, Map.of())), true, null, false);
  }

  public Entity entity() {
    return entity;
  }

  /** The rows the caller may see, to be ANDed into every query; null for all rows. */
  public Condition rowCondition() {
    return rowCondition;
  }

  /** The most revealing state any grant gives the field. */
  public FieldState best(String field) {
    return grants.stream()
        .map(g -> g.state(field))
        .max(Comparator.naturalOrder())
        .orElse(FieldState.HIDDEN);
  }

  /** Whether every grant shows the field unmasked: only then may a condition or order use it. */
  public boolean clear(String field) {
    return grants.stream().allMatch(g -> g.state(field) == FieldState.CLEAR);
  }

  /**
   * Whether values of the field reach the caller as text: some grant masks it with a hash or a
   * partial mask. A row another grant shows it clear on then gets its value as text too, so the
   * field has one type in every row and in the caller's API document ({@link CallerModel}).
   */
  public boolean servedAsText(String field) {
    return grants.stream()
        .map(g -> g.masks().get(field))
        .anyMatch(m -> m != null && m.kind() != MaskKind.NULL);
  }

  /** Fields some grant shows (masked or not), in entity order. */
  public List<String> visibleFields() {
    return entity.attributes().stream()
        .map(Attribute::name)
        .filter(n -> best(n) != FieldState.HIDDEN)
        .toList();
  }

  /**
   * Attributes a query must fetch so fields can be decided per row: those of the row conditions
   * when the grants disagree about fields; empty when they agree.
   */
  public List<Attribute> conditionAttributes() {
    if (uniform) {
      return List.of();
    }
    Set<Attribute> attributes = new LinkedHashSet<>();
    grants.forEach(g -> collect(g.condition(), attributes));
    return List.copyOf(attributes);
  }

  /**
   * A short digest of this access (grants with their claim-bound conditions): a cursor made under
   * another access is refused. Empty for full access.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * The row as the caller may see it: hidden fields removed, masked fields masked; empty when no
   * grant's row condition holds for it.
   *
   * @param prefiltered true when a query whose condition included {@link #rowCondition()} read the
   *     row: conditions are then evaluated only where the grants disagree about fields, and keys
   *     other than the entity's fields (embedded rows) are kept; false (change events) evaluates
   *     every condition and drops every other key
   */
  public Optional<Map<String, Object>> shape(Map<String, Object> row, boolean prefiltered) {
    List<Grant> matched =
        prefiltered && uniform
            ? grants.subList(0, 1)
            : grants.stream()
                .filter(g -> RowMatcher.matches(g.condition(), row, foldStrings))
                .toList();
    if (matched.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> shaped = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : row.entrySet()) {
      String name = entry.getKey();
      if (entity.attribute(name).isEmpty()) {
        if (prefiltered) {
          shaped.put(name, entry.getValue());
        }
        continue;
      }
      FieldState state =
          matched.stream().map(g -> g.state(name)).max(Comparator.naturalOrder()).orElseThrow();
      if (state == FieldState.CLEAR) {
        Object value = entry.getValue();
        shaped.put(name, value != null && servedAsText(name) ? ColumnMask.text(value) : value);
      } else if (state == FieldState.MASKED) {
        ColumnMask mask =
            matched.stream()
                .map(g -> g.masks().get(name))
                .filter(m -> m != null)
                .max(Comparator.comparing(ColumnMask::kind))
                .orElseThrow();
        shaped.put(name, mask.apply(entry.getValue(), maskKey));
      }
    }
    return Optional.of(shaped);
  }

  private static void collect(Condition condition, Set<Attribute> into) {
    if (condition instanceof Condition.And and) {
      and.operands().forEach(c -> collect(c, into));
    } else if (condition instanceof Condition.Or or) {
      or.operands().forEach(c -> collect(c, into));
    } else if (condition instanceof Condition.Not not) {
      collect(not.operand(), into);
    } else if (condition instanceof Condition.Compare compare) {
      into.add(compare.attribute());
    } else if (condition instanceof Condition.In in) {
      into.add(in.attribute());
    } else if (condition instanceof Condition.Like like) {
      into.add(like.attribute());
    } else if (condition instanceof Condition.IsNull isNull) {
      into.add(isNull.attribute());
    } else if (condition instanceof Condition.TupleIn tuple) {
      into.addAll(tuple.attributes());
    }
  }

  private static String digest(List<String> parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new ArrayList<>(parts)) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
