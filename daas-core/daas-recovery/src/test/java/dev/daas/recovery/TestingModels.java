package dev.daas.recovery;

import dev.daas.model.Attribute;
import dev.daas.model.Cardinality;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.ForeignKey;
import dev.daas.model.catalog.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A small recovered model and copy-with helpers for tests of what happens to a model after recovery
 * (diff, curation).
 */
public final class TestingModels {
  private TestingModels() {}

  /**
   * Customers, orders, order lines and products. T_ORD.CUST_ID is a declared foreign key ({@code
   * cust}); T_ORD_LN.ORD_NO -> T_ORD is inferred above the threshold ({@code ord});
   * T_ORD_LN.PROD_ID -> T_PROD is left out by {@link #model()} (see {@link #candidate()}).
   */
  public static DataModel model() {
    Table order =
        TestingCatalogs.table("public", "T_ORD", List.of("ORD_NO"), "ORD_NO", "CUST_ID", "ORD_DT");
    Table orderWithKey =
        new Table(
            order.schema(),
            order.name(),
            order.kind(),
            null,
            order.columns(),
            order.primaryKey(),
            List.of(),
            List.of(
                new ForeignKey(
                    "FK_ORD_CUST", List.of("CUST_ID"), "public", "T_CUST", List.of("CUST_ID"))),
            List.of());
    Catalog catalog =
        new Catalog(
            "PostgreSQL 16",
            List.of(
                TestingCatalogs.table(
                    "public", "T_CUST", List.of("CUST_ID"), "CUST_ID", "C_NM", "C_MAIL_TXT"),
                orderWithKey,
                TestingCatalogs.table(
                    "public",
                    "T_ORD_LN",
                    List.of("ORD_NO", "LN_NO"),
                    "ORD_NO",
                    "LN_NO",
                    "PROD_ID",
                    "QTY"),
                TestingCatalogs.table("public", "T_PROD", List.of("PROD_ID"), "PROD_ID", "P_NM")));
    DataModel declared = new CatalogRecovery().recover("shop", catalog);
    List<Relationship> relationships = new ArrayList<>(declared.relationships());
    relationships.add(
        new Relationship(
            "ord",
            "t_ord_ln",
            RelationshipKind.INFERRED,
            "t_ord_ln",
            List.of("ord_no"),
            "t_ord",
            List.of("ord_no"),
            Cardinality.MANY_TO_ONE,
            null,
            0.9,
            List.of(
                new Evidence(EvidenceChannel.PROBE, "join T_ORD_LN.ORD_NO = T_ORD.ORD_NO", 40))));
    return withRelationships(declared, relationships);
  }

  /** T_ORD_LN.PROD_ID -> T_PROD.PROD_ID, inferred below the threshold. */
  public static Relationship candidate() {
    return new Relationship(
        "prod",
        "t_ord_ln",
        RelationshipKind.INFERRED,
        "t_ord_ln",
        List.of("prod_id"),
        "t_prod",
        List.of("prod_id"),
        Cardinality.MANY_TO_ONE,
        null,
        0.4,
        List.of(new Evidence(EvidenceChannel.CATALOG, "naming PROD_ID", 1)));
  }

  public static DataModel withRelationships(DataModel model, List<Relationship> relationships) {
    return new DataModel(
        model.formatVersion(),
        model.source(),
        model.databaseProduct(),
        model.entities(),
        relationships,
        List.of());
  }

  public static DataModel withEntities(DataModel model, List<Entity> entities) {
    return new DataModel(
        model.formatVersion(),
        model.source(),
        model.databaseProduct(),
        entities,
        model.relationships(),
        List.of());
  }

  /** The model with one entity replaced (or removed, where {@code change} returns null). */
  public static DataModel withEntity(DataModel model, String name, UnaryOperator<Entity> change) {
    List<Entity> entities = new ArrayList<>();
    for (Entity e : model.entities()) {
      Entity changed = e.name().equals(name) ? change.apply(e) : e;
      if (changed != null) {
        entities.add(changed);
      }
    }
    return withEntities(model, entities);
  }

  /** The model with one attribute replaced (or removed, where {@code change} returns null). */
  public static DataModel withAttribute(
      DataModel model, String entity, String attribute, UnaryOperator<Attribute> change) {
    return withEntity(
        model,
        entity,
        e -> {
          List<Attribute> attributes = new ArrayList<>();
          for (Attribute a : e.attributes()) {
            Attribute changed = a.name().equals(attribute) ? change.apply(a) : a;
            if (changed != null) {
              attributes.add(changed);
            }
          }
          return new Entity(
              e.name(),
              e.schema(),
              e.table(),
              e.kind(),
              e.description(),
              attributes,
              e.primaryKey(),
              e.uniqueKeys(),
              e.indexes(),
              e.evidence(),
              e.readableName());
        });
  }

  public static Entity renamed(Entity e, String name) {
    return new Entity(
        name,
        e.schema(),
        e.table(),
        e.kind(),
        e.description(),
        e.attributes(),
        e.primaryKey(),
        e.uniqueKeys(),
        e.indexes(),
        e.evidence(),
        e.readableName());
  }

  public static Attribute renamed(Attribute a, String name) {
    return new Attribute(
        name,
        a.column(),
        a.type(),
        a.nativeType(),
        a.nullable(),
        a.defaultValue(),
        a.description(),
        a.maxLength(),
        a.precision(),
        a.scale(),
        a.enumValues(),
        a.generated(),
        a.readableName(),
        a.valueDomain(),
        a.pii());
  }

  public static Attribute nullable(Attribute a, boolean nullable) {
    return new Attribute(
        a.name(),
        a.column(),
        a.type(),
        a.nativeType(),
        nullable,
        a.defaultValue(),
        a.description(),
        a.maxLength(),
        a.precision(),
        a.scale(),
        a.enumValues(),
        a.generated(),
        a.readableName(),
        a.valueDomain(),
        a.pii());
  }

  public static Attribute typed(
      Attribute a,
      DataType type,
      String nativeType,
      Integer maxLength,
      Integer precision,
      Integer scale,
      List<String> enumValues) {
    return new Attribute(
        a.name(),
        a.column(),
        type,
        nativeType,
        a.nullable(),
        a.defaultValue(),
        a.description(),
        maxLength,
        precision,
        scale,
        enumValues,
        a.generated(),
        a.readableName(),
        a.valueDomain(),
        a.pii());
  }

  public static Attribute described(Attribute a, String description) {
    return new Attribute(
        a.name(),
        a.column(),
        a.type(),
        a.nativeType(),
        a.nullable(),
        a.defaultValue(),
        description,
        a.maxLength(),
        a.precision(),
        a.scale(),
        a.enumValues(),
        a.generated(),
        a.readableName(),
        a.valueDomain(),
        a.pii());
  }
}
