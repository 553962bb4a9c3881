package dev.daas.apigen;

import static java.util.Objects.requireNonNull;

import dev.daas.model.DataModel;
import dev.daas.model.Relationship;
import java.util.ArrayList;
import java.util.List;

/**
 * A relationship seen from one entity: the name under which it embeds rows of the other entity.
 *
 * @param name the embed name ({@link Relationship#name()} on the referencing side, {@link
 *     Relationship#inverseName()} on the referenced side)
 * @param target the API name of the embedded entity
 * @param toMany a list of referencing rows (true) or one referenced row or null (false)
 * @param relationship the relationship behind it
 */
record Embed(String name, String target, boolean toMany, Relationship relationship) {
  Embed {
    requireNonNull(name, "name is null");
    requireNonNull(target, "target is null");
    requireNonNull(relationship, "relationship is null");
  }

  /**
   * Embeds of the entity, in the model's relationship order: for each relationship the to-one side
   * first, so a self-referencing relationship yields both of its names.
   */
  static List<Embed> of(DataModel model, String entityName) {
    List<Embed> embeds = new ArrayList<>();
    for (Relationship relationship : model.relationships()) {
      if (relationship.fromEntity().equals(entityName)) {
        embeds.add(new Embed(relationship.name(), relationship.toEntity(), false, relationship));
      }
      if (relationship.toEntity().equals(entityName)) {
        embeds.add(
            new Embed(relationship.inverseName(), relationship.fromEntity(), true, relationship));
      }
    }
    return embeds;
  }

  /** The attributes on this side joined to the attributes on the embedded side. */
  String joinText() {
    List<String> own = toMany ? relationship.toAttributes() : relationship.fromAttributes();
    List<String> other = toMany ? relationship.fromAttributes() : relationship.toAttributes();
    return "(" + String.join(", ", own) + ") = " + target + "(" + String.join(", ", other) + ")";
  }
}
