package dev.daas.recovery.diff;

import static dev.daas.recovery.TestingModels.model;
import static dev.daas.recovery.TestingModels.nullable;
import static dev.daas.recovery.TestingModels.renamed;
import static dev.daas.recovery.TestingModels.typed;
import static dev.daas.recovery.TestingModels.withAttribute;
import static dev.daas.recovery.TestingModels.withEntity;
import static dev.daas.recovery.TestingModels.withRelationships;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daas.model.Attribute;
import dev.daas.model.Cardinality;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.Key;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import dev.daas.recovery.TestingModels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ModelDiffTest {

  private final DataModel before = model();

  @Test
  void findsNothingBetweenEqualModels() {
    assertThat(ModelDiff.diff(before, model())).isEmpty();
  }

  @Test
  void aRemovedAttributeIsBreakingAndAnAddedOneIsNot() {
    DataModel after = withAttribute(before, "t_cust", "c_nm", a -> null);
    after = withEntity(after, "t_prod", e -> withExtraAttribute(e));

    assertThat(ModelDiff.diff(before, after))
        .containsExactly(
            new ModelChange(
                ChangeKind.ATTRIBUTE_REMOVED, Impact.BREAKING, "t_cust", "c_nm", "C_NM", null),
            new ModelChange(
                ChangeKind.ATTRIBUTE_ADDED, Impact.NON_BREAKING, "t_prod", "p_txt", null, "P_TXT"));
  }

  @Test
  void anEntityWithTheSameTableButAnotherNameIsRenamedNotReplaced() {
    DataModel after = renameEntity(before, "t_cust", "customer");

    List<ModelChange> changes = ModelDiff.diff(before, after);

    assertThat(changes)
        .containsExactly(
            new ModelChange(
                ChangeKind.ENTITY_RENAMED,
                Impact.BREAKING,
                "customer",
                null,
                "t_cust",
                "customer"));
    assertThat(ModelDiff.breaking(changes)).isTrue();
  }

  @Test
  void aTableRenamedInTheDatabaseIsARemovalAndAnAddition() {
    DataModel after =
        withEntity(
            before,
            "t_prod",
            e ->
                new Entity(
                    "product",
                    e.schema(),
                    "T_PRODUCT",
                    e.kind(),
                    null,
                    e.attributes(),
                    e.primaryKey(),
                    e.uniqueKeys(),
                    e.indexes(),
                    e.evidence(),
                    null));

    assertThat(ModelDiff.diff(before, after))
        .extracting(ModelChange::kind, ModelChange::entity, ModelChange::impact)
        .containsExactly(
            tuple(ChangeKind.ENTITY_ADDED, "product", Impact.NON_BREAKING),
            tuple(ChangeKind.ENTITY_REMOVED, "t_prod", Impact.BREAKING));
  }

  @Test
  void becomingNullableBreaksReadersAndBecomingRequiredDoesNot() {
    DataModel nullableName = withAttribute(before, "t_cust", "c_nm", a -> nullable(a, true));

    assertThat(ModelDiff.diff(before, nullableName))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(ChangeKind.NULLABILITY_CHANGED);
              assertThat(c.impact()).isEqualTo(Impact.BREAKING);
              assertThat(c.after()).isEqualTo("nullable");
            });
    assertThat(ModelDiff.diff(nullableName, before))
        .singleElement()
        .extracting(ModelChange::impact)
        .isEqualTo(Impact.NON_BREAKING);
  }

  @Test
  void aLongerStringIsAWideningAndAShorterOneANarrowing() {
    DataModel short10 = withAttribute(before, "t_cust", "c_nm", a -> string(a, 10));
    DataModel long40 = withAttribute(before, "t_cust", "c_nm", a -> string(a, 40));
    DataModel unbounded = withAttribute(before, "t_cust", "c_nm", a -> string(a, null));

    assertThat(ModelDiff.diff(short10, long40))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(ChangeKind.TYPE_WIDENED);
              assertThat(c.impact()).isEqualTo(Impact.NON_BREAKING);
              assertThat(c.before()).isEqualTo("string varchar(10)");
              assertThat(c.after()).isEqualTo("string varchar(40)");
            });
    assertThat(ModelDiff.diff(long40, short10))
        .singleElement()
        .extracting(ModelChange::kind, ModelChange::impact)
        .containsExactly(ChangeKind.TYPE_NARROWED, Impact.BREAKING);
    assertThat(ModelDiff.diff(long40, unbounded))
        .singleElement()
        .extracting(ModelChange::kind)
        .isEqualTo(ChangeKind.TYPE_WIDENED);
  }

  @Test
  void fewerDecimalPlacesNarrowEvenWithMorePrecision() {
    DataModel money = withAttribute(before, "t_ord_ln", "qty", a -> decimal(a, 19, 4));
    DataModel rounded = withAttribute(before, "t_ord_ln", "qty", a -> decimal(a, 20, 2));
    DataModel wider = withAttribute(before, "t_ord_ln", "qty", a -> decimal(a, 24, 6));

    assertThat(ModelDiff.diff(money, rounded))
        .singleElement()
        .extracting(ModelChange::kind)
        .isEqualTo(ChangeKind.TYPE_NARROWED);
    assertThat(ModelDiff.diff(money, wider))
        .singleElement()
        .extracting(ModelChange::kind)
        .isEqualTo(ChangeKind.TYPE_WIDENED);
  }

  @Test
  void anotherPortableTypeIsBreakingAndAnotherNativeNameAloneIsNot() {
    DataModel text =
        withAttribute(
            before,
            "t_ord_ln",
            "qty",
            a -> typed(a, DataType.STRING, "varchar", null, null, null, List.of()));
    DataModel int4 =
        withAttribute(
            before,
            "t_ord_ln",
            "qty",
            a -> typed(a, DataType.INTEGER, "int4", null, null, null, List.of()));

    assertThat(ModelDiff.diff(before, text))
        .singleElement()
        .extracting(ModelChange::kind, ModelChange::impact)
        .containsExactly(ChangeKind.TYPE_CHANGED, Impact.BREAKING);
    assertThat(ModelDiff.diff(before, int4))
        .singleElement()
        .extracting(ModelChange::kind, ModelChange::impact)
        .containsExactly(ChangeKind.NATIVE_TYPE_CHANGED, Impact.NON_BREAKING);
  }

  @Test
  void anEnumLabelAddedIsBreakingBecauseClientsEnforceTheClosedSet() {
    DataModel two = withAttribute(before, "t_cust", "c_nm", a -> enumeration(a, "A", "B"));
    DataModel three = withAttribute(before, "t_cust", "c_nm", a -> enumeration(a, "A", "B", "C"));

    assertThat(ModelDiff.diff(two, three))
        .singleElement()
        .extracting(ModelChange::kind, ModelChange::impact, ModelChange::after)
        .containsExactly(ChangeKind.ENUM_VALUES_CHANGED, Impact.BREAKING, "[A, B, C]");
  }

  @Test
  void anAttributeRenameIsBreakingButLeavesKeysAndRelationshipsTheSame() {
    DataModel after = withAttribute(before, "t_cust", "cust_id", a -> renamed(a, "id"));
    after =
        withEntity(
            after,
            "t_cust",
            e ->
                new Entity(
                    e.name(),
                    e.schema(),
                    e.table(),
                    e.kind(),
                    e.description(),
                    e.attributes(),
                    new Key(e.primaryKey().name(), List.of("id")),
                    e.uniqueKeys(),
                    e.indexes(),
                    e.evidence(),
                    null));
    after = mapRelationships(after, r -> r.toEntity().equals("t_cust") ? to(r, "t_cust", "id") : r);

    assertThat(ModelDiff.diff(before, after))
        .containsExactly(
            new ModelChange(
                ChangeKind.ATTRIBUTE_RENAMED, Impact.BREAKING, "t_cust", "id", "cust_id", "id"));
  }

  @Test
  void aPrimaryKeyOfOtherColumnsIsBreakingAndANewOneIsNot() {
    DataModel keyless = withEntity(before, "t_prod", e -> key(e, null));
    DataModel byName = withEntity(before, "t_prod", e -> key(e, new Key(null, List.of("p_nm"))));

    assertThat(ModelDiff.diff(keyless, before))
        .extracting(ModelChange::kind, ModelChange::impact)
        .containsExactly(
            tuple(ChangeKind.PRIMARY_KEY_ADDED, Impact.NON_BREAKING),
            tuple(ChangeKind.IDENTIFYING_KEY_ADDED, Impact.NON_BREAKING));
    assertThat(ModelDiff.diff(before, byName))
        .extracting(ModelChange::kind, ModelChange::impact, ModelChange::after)
        .containsExactly(
            tuple(ChangeKind.PRIMARY_KEY_CHANGED, Impact.BREAKING, "[p_nm]"),
            tuple(ChangeKind.IDENTIFYING_KEY_CHANGED, Impact.BREAKING, "[p_nm]"));
  }

  @Test
  void relationshipsAreMatchedByColumnsSoAnEmbedRenameIsNotARemoval() {
    DataModel after =
        mapRelationships(before, r -> r.name().equals("ord") ? named(r, "order", "lines") : r);

    assertThat(ModelDiff.diff(before, after))
        .extracting(ModelChange::kind, ModelChange::member, ModelChange::before, ModelChange::after)
        .containsExactly(
            tuple(ChangeKind.EMBED_NAME_CHANGED, "order", "ord", "order"),
            tuple(ChangeKind.INVERSE_EMBED_NAME_CHANGED, "order", "t_ord_ln", "lines"));
  }

  @Test
  void aRemovedRelationshipIsBreakingAndAnAddedOneIsNot() {
    List<Relationship> more = new ArrayList<>(before.relationships());
    more.add(TestingModels.candidate());
    DataModel after = withRelationships(before, more);

    assertThat(ModelDiff.diff(before, after))
        .singleElement()
        .extracting(ModelChange::kind, ModelChange::impact, ModelChange::member)
        .containsExactly(ChangeKind.RELATIONSHIP_ADDED, Impact.NON_BREAKING, "prod");
    assertThat(ModelDiff.diff(after, before))
        .singleElement()
        .extracting(ModelChange::kind, ModelChange::impact)
        .containsExactly(ChangeKind.RELATIONSHIP_REMOVED, Impact.BREAKING);
  }

  @Test
  void confidenceAndKindChangesAreNotBreakingButAWiderCardinalityIs() {
    DataModel confirmed =
        mapRelationships(
            before,
            r ->
                r.name().equals("ord")
                    ? new Relationship(
                        r.name(),
                        r.inverseName(),
                        RelationshipKind.CURATED,
                        r.fromEntity(),
                        r.fromAttributes(),
                        r.toEntity(),
                        r.toAttributes(),
                        Cardinality.ONE_TO_ONE,
                        null,
                        1.0,
                        r.evidence())
                    : r);

    assertThat(ModelDiff.diff(before, confirmed))
        .extracting(ModelChange::kind, ModelChange::impact)
        .containsExactly(
            tuple(ChangeKind.CARDINALITY_CHANGED, Impact.NON_BREAKING),
            tuple(ChangeKind.RELATIONSHIP_KIND_CHANGED, Impact.NON_BREAKING),
            tuple(ChangeKind.CONFIDENCE_CHANGED, Impact.NON_BREAKING));
    assertThat(ModelDiff.diff(confirmed, before))
        .filteredOn(c -> c.kind() == ChangeKind.CARDINALITY_CHANGED)
        .singleElement()
        .extracting(ModelChange::impact)
        .isEqualTo(Impact.BREAKING);
  }

  @Test
  void theOrderDependsOnTheChangesNotOnTheOrderOfTheModels() {
    DataModel after = withAttribute(before, "t_cust", "c_nm", a -> null);
    after = withAttribute(after, "t_ord", "ord_dt", a -> nullable(a, true));
    after = withEntity(after, "t_prod", e -> null);
    List<Entity> reversed = new ArrayList<>(after.entities());
    Collections.reverse(reversed);
    DataModel shuffled = TestingModels.withEntities(after, reversed);

    List<ModelChange> changes = ModelDiff.diff(before, after);

    assertThat(ModelDiff.diff(before, shuffled)).isEqualTo(changes);
    assertThat(changes)
        .extracting(ModelChange::entity, ModelChange::kind)
        .containsExactly(
            tuple("t_cust", ChangeKind.ATTRIBUTE_REMOVED),
            tuple("t_ord", ChangeKind.NULLABILITY_CHANGED),
            tuple("t_prod", ChangeKind.ENTITY_REMOVED));
  }

  private static Entity withExtraAttribute(Entity e) {
    List<Attribute> attributes = new ArrayList<>(e.attributes());
    attributes.add(
        new Attribute(
            "p_txt",
            "P_TXT",
            DataType.STRING,
            "varchar",
            true,
            null,
            null,
            20,
            null,
            null,
            List.of(),
            false,
            null,
            null,
            false));
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
  }

  private static Entity key(Entity e, Key key) {
    return new Entity(
        e.name(),
        e.schema(),
        e.table(),
        e.kind(),
        e.description(),
        e.attributes(),
        key,
        e.uniqueKeys(),
        e.indexes(),
        e.evidence(),
        e.readableName());
  }

  private static Attribute string(Attribute a, Integer length) {
    return typed(a, DataType.STRING, "varchar", length, null, null, List.of());
  }

  private static Attribute decimal(Attribute a, int precision, int scale) {
    return typed(a, DataType.DECIMAL, "numeric", null, precision, scale, List.of());
  }

  private static Attribute enumeration(Attribute a, String... values) {
    return typed(a, DataType.ENUM, "mood", null, null, null, List.of(values));
  }

  private static DataModel renameEntity(DataModel model, String from, String to) {
    DataModel renamed = withEntity(model, from, e -> TestingModels.renamed(e, to));
    return mapRelationships(
        renamed,
        r ->
            new Relationship(
                r.name(),
                r.inverseName(),
                r.kind(),
                r.fromEntity().equals(from) ? to : r.fromEntity(),
                r.fromAttributes(),
                r.toEntity().equals(from) ? to : r.toEntity(),
                r.toAttributes(),
                r.cardinality(),
                r.constraintName(),
                r.confidence(),
                r.evidence()));
  }

  private static DataModel mapRelationships(DataModel model, UnaryOperator<Relationship> change) {
    return withRelationships(model, model.relationships().stream().map(change).toList());
  }

  private static Relationship named(Relationship r, String name, String inverse) {
    return new Relationship(
        name,
        inverse,
        r.kind(),
        r.fromEntity(),
        r.fromAttributes(),
        r.toEntity(),
        r.toAttributes(),
        r.cardinality(),
        r.constraintName(),
        r.confidence(),
        r.evidence());
  }

  private static Relationship to(Relationship r, String entity, String attribute) {
    return new Relationship(
        r.name(),
        r.inverseName(),
        r.kind(),
        r.fromEntity(),
        r.fromAttributes(),
        entity,
        List.of(attribute),
        r.cardinality(),
        r.constraintName(),
        r.confidence(),
        r.evidence());
  }
}
