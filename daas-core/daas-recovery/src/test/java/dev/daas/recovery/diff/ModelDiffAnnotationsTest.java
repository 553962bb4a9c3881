package dev.daas.recovery.diff;

import static dev.daas.recovery.TestingModels.model;
import static dev.daas.recovery.TestingModels.withAttribute;
import static dev.daas.recovery.TestingModels.withEntity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.DataModel;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.ValueDomain;
import dev.daas.recovery.TestingModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Readable names, value domains, PII and candidates change documentation, never responses. */
class ModelDiffAnnotationsTest {
  private static final ValueDomain AX =
      new ValueDomain(
          List.of("A", "X"), false, List.of(new Evidence(EvidenceChannel.PROBE, "values", 2)));

  private final DataModel before = model();

  @Test
  void aReadableNameAddedOrChangedIsNonBreaking() {
    DataModel named =
        withEntity(before, "t_cust", e -> e.withAttributes(e.attributes(), "customer"));
    named = withAttribute(named, "t_cust", "c_nm", a -> a.withAnnotations("name", null, false));
    DataModel renamed =
        withAttribute(named, "t_cust", "c_nm", a -> a.withAnnotations("full_name", null, false));

    assertThat(ModelDiff.diff(before, named))
        .containsExactly(
            new ModelChange(
                ChangeKind.ENTITY_READABLE_NAME_CHANGED,
                Impact.NON_BREAKING,
                "t_cust",
                null,
                null,
                "customer"),
            new ModelChange(
                ChangeKind.ATTRIBUTE_READABLE_NAME_CHANGED,
                Impact.NON_BREAKING,
                "t_cust",
                "c_nm",
                null,
                "name"));
    assertThat(ModelDiff.diff(named, renamed))
        .singleElement()
        .satisfies(c -> assertThat(c.after()).isEqualTo("full_name"));
  }

  @Test
  void anotherObservedValueIsNonBreakingButEvidenceAloneIsNoChange() {
    DataModel ax = withAttribute(before, "t_cust", "c_nm", a -> a.withAnnotations(null, AX, false));
    ValueDomain axz =
        new ValueDomain(List.of("A", "X", "Z"), false, List.of(Evidence.catalog("values")));
    DataModel more =
        withAttribute(before, "t_cust", "c_nm", a -> a.withAnnotations(null, axz, false));
    ValueDomain recounted =
        new ValueDomain(AX.values(), false, List.of(new Evidence(EvidenceChannel.PROBE, "v", 9)));
    DataModel sameValues =
        withAttribute(before, "t_cust", "c_nm", a -> a.withAnnotations(null, recounted, false));

    assertThat(ModelDiff.diff(ax, more))
        .containsExactly(
            new ModelChange(
                ChangeKind.VALUE_DOMAIN_CHANGED,
                Impact.NON_BREAKING,
                "t_cust",
                "c_nm",
                "[A, X] open",
                "[A, X, Z] open"));
    assertThat(ModelDiff.diff(before, ax))
        .extracting(ModelChange::kind, ModelChange::impact)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ChangeKind.VALUE_DOMAIN_CHANGED, Impact.NON_BREAKING));
    assertThat(ModelDiff.diff(ax, sameValues)).isEmpty();
    assertThat(ModelDiff.breaking(ModelDiff.diff(more, before))).isFalse();
  }

  @Test
  void markingPiiIsNonBreaking() {
    DataModel pii =
        withAttribute(before, "t_cust", "c_nm", a -> a.withAnnotations(null, null, true));

    assertThat(ModelDiff.diff(before, pii))
        .containsExactly(
            new ModelChange(
                ChangeKind.PII_CHANGED, Impact.NON_BREAKING, "t_cust", "c_nm", "false", "true"));
  }

  @Test
  void candidatesAreNotServedSoTheyAreNotCompared() {
    DataModel withCandidate = before.withCandidates(List.of(TestingModels.candidate()));

    assertThat(ModelDiff.diff(before, withCandidate)).isEmpty();
  }
}
