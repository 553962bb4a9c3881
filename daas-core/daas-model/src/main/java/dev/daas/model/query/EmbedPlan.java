package dev.daas.model.query;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;
import java.util.List;

/**
 * Related rows to attach to each parent row under {@code name}. Executed as one query per embed and
 * level (children whose {@code childAttributes} tuple is among the parents' {@code
 * parentAttributes} tuples), never one query per parent row.
 *
 * @param name the property name in the parent row
 * @param toMany a list of children (true) or a single object or null (false)
 * @param parentAttributes join attributes on the parent, fetched by the parent plan
 * @param childAttributes join attributes on the child, pairwise with parentAttributes
 * @param child what to read of the child entity; its where is combined with the join condition
 */
public record EmbedPlan(
    String name,
    boolean toMany,
    List<Attribute> parentAttributes,
    List<Attribute> childAttributes,
    QueryPlan child) {
  public EmbedPlan {
    requireNonNull(name, "name is null");
    requireNonNull(child, "child is null");
    parentAttributes = List.copyOf(parentAttributes);
    childAttributes = List.copyOf(childAttributes);
    if (parentAttributes.isEmpty() || parentAttributes.size() != childAttributes.size()) {
      throw new IllegalArgumentException("embed " + name + " needs pairwise join attributes");
    }
  }
}
