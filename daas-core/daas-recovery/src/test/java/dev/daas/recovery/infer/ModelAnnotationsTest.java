package dev.daas.recovery.infer;

import static dev.daas.recovery.TestingCatalogs.column;
import static dev.daas.recovery.infer.ModelInferenceTest.relationship;
import static dev.daas.recovery.infer.ModelInferenceTest.shop;
import static dev.daas.recovery.infer.ModelInferenceTest.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.EntityKind;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.PrimaryKey;
import dev.daas.model.catalog.Table;
import dev.daas.recovery.TestingCatalogs;
import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import dev.daas.recovery.evidence.RecoveryInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Readable names, value domains, data-check evidence and candidates in the recovered model. */
class ModelAnnotationsTest {
  private final ModelInference inference = new ModelInference();

  @Test
  void putsReadableNamesBesideTheApiNamesInTheModel() {
    DataModel model =
        inference.recover(RecoveryInput.of("shop", shop(), workload()), List.of()).model();

    assertThat(model.entity("t_ord_ln").orElseThrow().readableName()).isEqualTo("order_line");
    assertThat(attribute(model, "t_ord_ln", "qty").readableName()).isEqualTo("quantity");
    assertThat(attribute(model, "t_ord_ln", "qty").column()).isEqualTo("QTY");
    assertThat(attribute(model, "t_cust", "c_nm").readableName()).isEqualTo("name");
  }

  @Test
  void givesEnumLikeColumnsAnOpenValueDomainWithItsEvidence() {
    DataModel model =
        inference.recover(RecoveryInput.of("shop", shop(), workload()), List.of()).model();

    Attribute status = attribute(model, "t_cust", "c_stat");
    assertThat(status.valueDomain().values()).containsExactly("A", "X");
    assertThat(status.valueDomain().closed()).isFalse();
    assertThat(status.valueDomain().evidence())
        .extracting(Evidence::channel)
        .containsExactly(EvidenceChannel.PROBE);
    assertThat(attribute(model, "t_cust", "c_nm").valueDomain()).isNull();
    assertThat(status.pii()).isFalse();
  }

  @Test
  void givesEnumTypedColumnsAClosedDomainInDeclarationOrder() {
    Column mood =
        new Column(
            "MOOD",
            DataType.ENUM,
            "mood",
            false,
            null,
            null,
            null,
            null,
            null,
            List.of("sad", "ok", "happy"),
            false);
    Table t =
        new Table(
            "public",
            "T_PERS",
            EntityKind.TABLE,
            null,
            List.of(column("PERS_ID", false), mood),
            new PrimaryKey("pk", List.of("PERS_ID")),
            List.of(),
            List.of(),
            List.of());

    DataModel model =
        inference
            .recover(
                RecoveryInput.of("x", new Catalog("PostgreSQL 16", List.of(t)), List.of()),
                List.of())
            .model();

    Attribute attribute = attribute(model, "t_pers", "mood");
    assertThat(attribute.valueDomain().values()).containsExactly("sad", "ok", "happy");
    assertThat(attribute.valueDomain().closed()).isTrue();
    assertThat(attribute.valueDomain().evidence())
        .containsExactly(Evidence.catalog("enum type mood"));
  }

  @Test
  void recordsAnsweredDataChecksAsDataCheckEvidence() {
    RecoveryInput input = RecoveryInput.of("shop", shop(), workload());
    List<CheckResult> answers = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (DataCheck c : inference.plan(input, answers)) {
        answers.add(new CheckResult(c, 100, 0));
      }
    }

    DataModel model = inference.recover(input, answers).model();

    assertThat(relationship(inference.recover(input, answers), "t_ord", "t_cust").evidence())
        .filteredOn(e -> e.channel() == EvidenceChannel.DATA_CHECK)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("all found in"));
    assertThat(model.entity("t_ord").orElseThrow().evidence())
        .filteredOn(e -> e.channel() == EvidenceChannel.DATA_CHECK)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("are unique"));
    assertThat(model.relationships())
        .flatExtracting(r -> r.evidence())
        .noneMatch(
            e -> e.channel() == EvidenceChannel.CATALOG && e.detail().startsWith("data check"));
  }

  @Test
  void keepsTheCandidatesInTheModelApartFromItsRelationships() {
    Catalog catalog =
        new Catalog(
            "H2",
            List.of(
                TestingCatalogs.table("public", "T_CUST", List.of("CUST_ID"), "CUST_ID", "C_NM"),
                TestingCatalogs.table("public", "T_INV", List.of("INV_NO"), "INV_NO", "CUST_ID")));

    RecoveryResult result = inference.recover(RecoveryInput.of("x", catalog, List.of()), List.of());

    assertThat(result.model().candidates()).isEqualTo(result.candidates()).hasSize(1);
    assertThat(result.model().relationships()).isEmpty();
  }

  @Test
  void theSameEvidenceGivesAnEqualAnnotatedModel() {
    RecoveryInput input = RecoveryInput.of("shop", shop(), workload());

    assertThat(new ModelInference().recover(input, List.of()).model())
        .isEqualTo(new ModelInference().recover(input, List.of()).model());
  }

  private static Attribute attribute(DataModel model, String entity, String name) {
    return model.entity(entity).orElseThrow().requireAttribute(name);
  }
}
