package dev.daas.recovery.curation;

import static dev.daas.recovery.TestingModels.candidate;
import static dev.daas.recovery.TestingModels.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.daas.model.Cardinality;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import dev.daas.recovery.curation.CuratedModel.AttributePath;
import dev.daas.recovery.curation.CuratedModel.Outcome;
import dev.daas.recovery.curation.CuratedModel.Unapplied;
import dev.daas.recovery.curation.CurationEntry.AddRelationship;
import dev.daas.recovery.curation.CurationEntry.ConfirmRelationship;
import dev.daas.recovery.curation.CurationEntry.HideAttribute;
import dev.daas.recovery.curation.CurationEntry.HideEntity;
import dev.daas.recovery.curation.CurationEntry.MarkPii;
import dev.daas.recovery.curation.CurationEntry.RejectRelationship;
import dev.daas.recovery.curation.CurationEntry.RenameAttribute;
import dev.daas.recovery.curation.CurationEntry.RenameEntity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CuratorTest {
  private static final TableColumns LINE_PRODUCT = columns("T_ORD_LN", "PROD_ID");
  private static final TableColumns PRODUCT = columns("T_PROD", "PROD_ID");
  private static final TableColumns LINE_ORDER = columns("T_ORD_LN", "ORD_NO");
  private static final TableColumns ORDER = columns("T_ORD", "ORD_NO");

  private final DataModel recovered = model().withCandidates(List.of(candidate()));

  @Test
  void withoutEntriesServesTheRecoveredModel() {
    CuratedModel curated = curate();

    assertThat(curated.model()).isEqualTo(recovered);
    assertThat(curated.candidates()).containsExactly(candidate());
    assertThat(curated.pii()).isEmpty();
    assertThat(curated.unapplied()).isEmpty();
  }

  @Test
  void aConfirmedCandidateJoinsTheModelAsCuratedWithCurationEvidence() {
    CuratedModel curated = curate(new ConfirmRelationship(LINE_PRODUCT, PRODUCT));

    Relationship product = relationship(curated.model(), "t_ord_ln", "prod");
    assertThat(product.kind()).isEqualTo(RelationshipKind.CURATED);
    assertThat(product.confidence()).isEqualTo(1.0);
    assertThat(product.evidence())
        .last()
        .satisfies(
            e -> {
              assertThat(e.channel()).isEqualTo(EvidenceChannel.CURATION);
              assertThat(e.detail()).contains("confidence 0.4");
            });
    assertThat(curated.candidates()).isEmpty();
    assertThat(curated.unapplied()).isEmpty();
  }

  @Test
  void aRejectedInferredRelationshipLeavesTheModelThoughAboveTheThreshold() {
    CuratedModel curated = curate(new RejectRelationship(LINE_ORDER, ORDER));

    assertThat(curated.model().relationships())
        .extracting(Relationship::name)
        .containsExactly("cust");
    assertThat(curated.unapplied()).isEmpty();
  }

  @Test
  void aDeclaredForeignKeyCannotBeRejected() {
    CuratedModel curated =
        curate(new RejectRelationship(columns("T_ORD", "CUST_ID"), columns("T_CUST", "CUST_ID")));

    assertThat(curated.model()).isEqualTo(recovered);
    assertThat(curated.unapplied())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.outcome()).isEqualTo(Outcome.CONFLICTING);
              assertThat(u.reason()).contains("FK_ORD_CUST");
            });
  }

  @Test
  void entriesAddressDatabaseNamesSoTheyHoldAcrossApiRenames() {
    CuratedModel curated =
        curate(
            new MarkPii("public", "T_CUST", "C_MAIL_TXT"),
            new RenameAttribute("public", "T_CUST", "C_MAIL_TXT", "email"),
            new ConfirmRelationship(LINE_PRODUCT, PRODUCT),
            new RenameEntity("public", "T_CUST", "customer"),
            new RenameEntity("public", "T_PROD", "product"));

    DataModel model = curated.model();
    assertThat(model.entities())
        .extracting(Entity::name)
        .containsExactly("customer", "product", "t_ord", "t_ord_ln");
    Entity customer = model.entity("customer").orElseThrow();
    assertThat(customer.requireAttribute("email").column()).isEqualTo("C_MAIL_TXT");
    assertThat(customer.evidence())
        .last()
        .extracting(e -> e.channel())
        .isEqualTo(EvidenceChannel.CURATION);
    assertThat(relationship(model, "t_ord", "cust").toEntity()).isEqualTo("customer");
    assertThat(relationship(model, "t_ord_ln", "prod").toEntity()).isEqualTo("product");
    assertThat(curated.pii()).containsExactly(new AttributePath("customer", "email"));
    assertThat(curated.unapplied()).isEmpty();
  }

  @Test
  void aRenameToATakenNameIsConflictingAndNotApplied() {
    CuratedModel curated = curate(new RenameEntity("public", "T_PROD", "t_cust"));

    assertThat(curated.model()).isEqualTo(recovered);
    assertThat(curated.unapplied())
        .extracting(Unapplied::index, Unapplied::outcome)
        .containsExactly(tuple(0, Outcome.CONFLICTING));
  }

  @Test
  void twoEntitiesCanSwapNames() {
    CuratedModel curated =
        curate(
            new RenameEntity("public", "T_PROD", "t_cust"),
            new RenameEntity("public", "T_CUST", "t_prod"));

    assertThat(curated.model().entity("t_cust").orElseThrow().table()).isEqualTo("T_PROD");
    assertThat(curated.model().entity("t_prod").orElseThrow().table()).isEqualTo("T_CUST");
    assertThat(curated.unapplied()).isEmpty();
  }

  @Test
  void anAttributeCannotTakeTheNameOfAnEmbed() {
    CuratedModel curated = curate(new RenameAttribute("public", "T_ORD", "ORD_DT", "cust"));

    assertThat(curated.model()).isEqualTo(recovered);
    assertThat(curated.unapplied())
        .singleElement()
        .extracting(Unapplied::outcome)
        .isEqualTo(Outcome.CONFLICTING);
  }

  @Test
  void aHiddenEntityTakesItsRelationshipsWithIt() {
    CuratedModel curated =
        curate(new HideEntity("public", "T_ORD"), new ConfirmRelationship(LINE_ORDER, ORDER));

    assertThat(curated.model().entity("t_ord")).isEmpty();
    assertThat(curated.model().relationships()).isEmpty();
    assertThat(curated.candidates()).containsExactly(candidate());
    assertThat(curated.unapplied()).isEmpty();
  }

  @Test
  void hidingAKeyOrJoinedColumnIsConflictingAndAnyOtherColumnDisappears() {
    CuratedModel curated =
        curate(
            new HideAttribute("public", "T_CUST", "CUST_ID"),
            new HideAttribute("public", "T_ORD", "CUST_ID"),
            new HideAttribute("public", "T_CUST", "C_MAIL_TXT"),
            new MarkPii("public", "T_CUST", "C_MAIL_TXT"));

    assertThat(curated.model().entity("t_cust").orElseThrow().attributes())
        .extracting("name")
        .containsExactly("cust_id", "c_nm");
    assertThat(curated.model().entity("t_ord").orElseThrow().attribute("cust_id")).isPresent();
    assertThat(curated.pii()).isEmpty();
    assertThat(curated.unapplied())
        .extracting(Unapplied::index, Unapplied::outcome)
        .containsExactly(tuple(0, Outcome.CONFLICTING), tuple(1, Outcome.CONFLICTING));
    assertThat(curated.unapplied().get(1).reason()).contains("T_ORD[CUST_ID] -> public.T_CUST");
  }

  @Test
  void entriesThatAddressNothingAreStaleAndTheOthersStillApply() {
    CuratedModel curated =
        curate(
            new RenameEntity("public", "T_GONE", "gone"),
            new HideAttribute("public", "T_CUST", "C_GONE"),
            new ConfirmRelationship(columns("T_ORD_LN", "QTY"), PRODUCT),
            new RenameEntity("public", "T_CUST", "customer"));

    assertThat(curated.unapplied())
        .extracting(Unapplied::index, Unapplied::outcome)
        .containsExactly(tuple(0, Outcome.STALE), tuple(1, Outcome.STALE), tuple(2, Outcome.STALE));
    assertThat(curated.unapplied().get(0).reason()).isEqualTo("no table public.T_GONE");
    assertThat(curated.model().entity("customer")).isPresent();
  }

  @Test
  void addingOverACandidateConfirmsItUnderTheNamesGiven() {
    CuratedModel curated = curate(new AddRelationship(LINE_PRODUCT, PRODUCT, "product", "lines"));

    Relationship product = relationship(curated.model(), "t_ord_ln", "product");
    assertThat(product.inverseName()).isEqualTo("lines");
    assertThat(product.kind()).isEqualTo(RelationshipKind.CURATED);
    assertThat(curated.candidates()).isEmpty();
  }

  @Test
  void aRelationshipAddedByHandGetsDefaultNamesAndCuratedKind() {
    CuratedModel curated =
        curate(
            new AddRelationship(columns("T_PROD", "P_NM"), columns("T_CUST", "C_NM"), null, null));

    Relationship added = relationship(curated.model(), "t_prod", "t_cust");
    assertThat(added.inverseName()).isEqualTo("t_prod");
    assertThat(added.kind()).isEqualTo(RelationshipKind.CURATED);
    assertThat(added.cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
    assertThat(added.fromAttributes()).containsExactly("p_nm");
    assertThat(added.evidence()).extracting(e -> e.detail()).containsExactly("added by curation");
  }

  @Test
  void anEmbedNameGivenThatIsTakenIsConflicting() {
    CuratedModel curated = curate(new AddRelationship(LINE_PRODUCT, PRODUCT, "ord", null));

    assertThat(curated.model()).isEqualTo(recovered);
    assertThat(curated.candidates()).containsExactly(candidate());
    assertThat(curated.unapplied())
        .singleElement()
        .extracting(Unapplied::outcome)
        .isEqualTo(Outcome.CONFLICTING);
  }

  @Test
  void aLaterEntryAboutTheSameElementSupersedesAnEarlierOne() {
    CuratedModel curated =
        curate(
            new ConfirmRelationship(LINE_ORDER, ORDER),
            new RenameEntity("public", "T_CUST", "client"),
            new RejectRelationship(LINE_ORDER, ORDER),
            new RenameEntity("public", "T_CUST", "customer"));

    assertThat(curated.model().relationships())
        .extracting(Relationship::name)
        .containsExactly("cust");
    assertThat(curated.model().entity("customer")).isPresent();
    assertThat(curated.unapplied())
        .extracting(Unapplied::index, Unapplied::outcome)
        .containsExactly(tuple(0, Outcome.SUPERSEDED), tuple(1, Outcome.SUPERSEDED));
  }

  @Test
  void theSameInputGivesTheSameOutputWhateverTheOrderOfIndependentEntries() {
    List<CurationEntry> entries =
        List.of(
            new RenameEntity("public", "T_CUST", "customer"),
            new HideAttribute("public", "T_PROD", "P_NM"),
            new ConfirmRelationship(LINE_PRODUCT, PRODUCT),
            new MarkPii("public", "T_CUST", "C_NM"),
            new RenameAttribute("public", "T_ORD", "ORD_DT", "ordered_on"));
    List<CurationEntry> reversed = new ArrayList<>(entries);
    Collections.reverse(reversed);

    CuratedModel once = Curator.apply(recovered, List.of(candidate()), entries);

    assertThat(Curator.apply(model(), List.of(candidate()), entries)).isEqualTo(once);
    assertThat(Curator.apply(model(), List.of(candidate()), reversed).model())
        .isEqualTo(once.model());
  }

  private CuratedModel curate(CurationEntry... entries) {
    return Curator.apply(recovered, List.of(candidate()), List.of(entries));
  }

  private static TableColumns columns(String table, String... columns) {
    return new TableColumns("public", table, List.of(columns));
  }

  private static Relationship relationship(DataModel model, String from, String name) {
    return model.relationships().stream()
        .filter(r -> r.fromEntity().equals(from) && r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no relationship " + from + "." + name + " in " + model.relationships()));
  }
}
