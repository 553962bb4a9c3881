package dev.daas.gateway.policy;

import dev.daas.gateway.policy.EntityAccess.FieldState;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.Index;
import dev.daas.model.Key;
import dev.daas.model.Relationship;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The part of a model one caller may read, as its API document and index describe it: entities it
 * may read, fields some grant shows, fields served as text (hash and partial masks) typed as
 * strings, keys and relationships only where every field they use is shown unmasked (the planner
 * refuses the others). Entity evidence is left out (it names columns, hidden ones included, and is
 * for integrators). Value domains are kept only for fields shown unmasked where no row filter
 * applies (observed values may come from any row); candidate relationships are never shown. So a
 * caller's OpenAPI document never names what its policy hides and describes masked values as they
 * arrive.
 */
public final class CallerModel {
  private CallerModel() {}

  /** The caller's view; the model itself when the authorization is unrestricted. */
  public static DataModel of(DataModel model, Authorization authorization) {
    if (authorization.isUnrestricted()) {
      return model;
    }
    List<Entity> entities = new ArrayList<>();
    for (Entity entity : model.entities()) {
      authorization
          .access(entity.name(), Operation.READ)
          .ifPresent(access -> entities.add(entity(entity, access)));
    }
    List<Relationship> relationships =
        model.relationships().stream()
            .filter(r -> usable(authorization, r.fromEntity(), r.fromAttributes()))
            .filter(r -> usable(authorization, r.toEntity(), r.toAttributes()))
            .toList();
    // candidates are for integrators, never for callers of the data API
    return new DataModel(
        model.formatVersion(),
        model.source(),
        model.databaseProduct(),
        entities,
        relationships,
        List.of());
  }

  private static Entity entity(Entity entity, EntityAccess access) {
    List<Attribute> attributes =
        entity.attributes().stream()
            .filter(a -> access.best(a.name()) != FieldState.HIDDEN)
            .map(a -> attribute(a, access))
            .toList();
    Key primaryKey =
        entity.primaryKey() != null && clear(access, entity.primaryKey().attributes())
            ? entity.primaryKey()
            : null;
    List<Key> uniqueKeys =
        entity.uniqueKeys().stream().filter(k -> clear(access, k.attributes())).toList();
    List<Index> indexes =
        entity.indexes().stream().filter(i -> clear(access, i.attributes())).toList();
    return new Entity(
        entity.name(),
        entity.schema(),
        entity.table(),
        entity.kind(),
        entity.description(),
        attributes,
        primaryKey,
        uniqueKeys,
        indexes,
        // evidence names columns (an inferred key on a hidden one, say) and is for integrators
        List.of(),
        entity.readableName());
  }

  private static Attribute attribute(Attribute attribute, EntityAccess access) {
    if (access.clear(attribute.name())) {
      // observed values may come from rows the caller's row filter hides
      return access.rowCondition() == null || attribute.valueDomain() == null
          ? attribute
          : attribute.withAnnotations(attribute.readableName(), null, attribute.pii());
    }
    boolean text = access.servedAsText(attribute.name());
    String note =
        text
            ? "Masked for this caller: served as text (a keyed hash or the last characters)."
            : "Masked for this caller: null on rows where its policy masks it.";
    String description =
        attribute.description() == null ? note : attribute.description() + " " + note;
    return new Attribute(
        attribute.name(),
        attribute.column(),
        text ? DataType.STRING : attribute.type(),
        text ? "masked " + attribute.nativeType().toLowerCase(Locale.ROOT) : attribute.nativeType(),
        true,
        null,
        description,
        null,
        text ? null : attribute.precision(),
        text ? null : attribute.scale(),
        List.of(),
        false,
        attribute.readableName(),
        null,
        attribute.pii());
  }

  private static boolean clear(EntityAccess access, List<String> fields) {
    return fields.stream().allMatch(access::clear);
  }

  private static boolean usable(Authorization authorization, String entity, List<String> fields) {
    Optional<EntityAccess> access = authorization.access(entity, Operation.READ);
    return access.isPresent() && clear(access.get(), fields);
  }
}
