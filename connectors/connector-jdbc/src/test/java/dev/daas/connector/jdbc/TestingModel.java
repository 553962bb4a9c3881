package dev.daas.connector.jdbc;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.Table;
import dev.daas.model.query.Condition;
import dev.daas.model.query.EmbedPlan;
import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.SortKey;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Builds model entities and plans straight from a catalog, the way recovery would with no renaming:
 * API names are lower-cased column and table names.
 */
final class TestingModel {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Catalog catalog;

  TestingModel(Catalog catalog) {
    this.catalog = catalog;
  }

  Table table(String name) {
    return catalog.tables().stream()
        .filter(t -> t.name().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table " + name + " in " + catalog.tables()));
  }

  Entity entity(String tableName) {
    Table table = table(tableName);
    List<Attribute> attributes = table.columns().stream().map(TestingModel::attribute).toList();
    return new Entity(
        lower(table.name()),
        table.schema(),
        table.name(),
        table.kind(),
        table.comment(),
        attributes,
        null,
        List.of(),
        List.of(),
        List.of(),
        null);
  }

  static Attribute attribute(Column column) {
    return new Attribute(
        lower(column.name()),
        column.name(),
        column.type(),
        column.nativeType(),
        column.nullable(),
        column.defaultValue(),
        column.comment(),
        column.maxLength(),
        column.precision(),
        column.scale(),
        column.enumValues(),
        column.generated(),
        null,
        null,
        false);
  }

  static Attribute attribute(Entity entity, String apiName) {
    return entity.requireAttribute(apiName);
  }

  static QueryPlan plan(Entity entity, Condition where, List<SortKey> orderBy, int limit) {
    return plan(entity, where, orderBy, limit, List.of());
  }

  static QueryPlan plan(
      Entity entity, Condition where, List<SortKey> orderBy, int limit, List<EmbedPlan> embeds) {
    return new QueryPlan(
        entity,
        entity.attributes(),
        entity.attributes().stream().map(Attribute::name).toList(),
        where,
        orderBy,
        limit,
        embeds,
        TIMEOUT);
  }

  static SortKey asc(Entity entity, String attribute) {
    return new SortKey(entity.requireAttribute(attribute), false);
  }

  static SortKey desc(Entity entity, String attribute) {
    return new SortKey(entity.requireAttribute(attribute), true);
  }

  static EmbedPlan embed(
      String name,
      boolean toMany,
      Entity parent,
      List<String> parentAttributes,
      Entity child,
      List<String> childAttributes,
      QueryPlan childPlan) {
    return new EmbedPlan(
        name,
        toMany,
        parentAttributes.stream().map(parent::requireAttribute).toList(),
        childAttributes.stream().map(child::requireAttribute).toList(),
        childPlan);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
