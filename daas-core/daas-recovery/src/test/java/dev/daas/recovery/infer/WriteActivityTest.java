package dev.daas.recovery.infer;

import static dev.daas.recovery.infer.ModelInferenceTest.shop;
import static dev.daas.recovery.infer.ModelInferenceTest.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.DataModel;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.recovery.evidence.RecoveryInput;
import dev.daas.recovery.evidence.TableActivity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How often tables are written, from CDC, as evidence on their entities. */
class WriteActivityTest {
  private final ModelInference inference = new ModelInference();

  private DataModel recover(List<TableActivity> activity) {
    RecoveryInput input =
        new RecoveryInput("shop", shop(), workload(), List.of(), List.of(), null, activity);
    return inference.recover(input, List.of()).model();
  }

  private static List<Evidence> cdcEvidence(DataModel model, String entity) {
    return model.entity(entity).orElseThrow().evidence().stream()
        .filter(e -> e.channel() == EvidenceChannel.CDC)
        .toList();
  }

  @Test
  void writesBecomeEntityEvidenceInOrdersOfMagnitudeAndAppendOnlyTablesSaySo() {
    DataModel model =
        recover(
            List.of(
                new TableActivity("T_CUST", 37, 1_250, 2, EvidenceChannel.CDC),
                new TableActivity("T_ORD_LN", 9_999, 0, 0, EvidenceChannel.CDC)));

    assertThat(cdcEvidence(model, "t_cust"))
        .containsExactly(
            new Evidence(
                EvidenceChannel.CDC,
                "rows written, as orders of magnitude: 10 inserted, 1000 updated, 1 deleted",
                1000));
    assertThat(cdcEvidence(model, "t_ord_ln"))
        .containsExactly(
            new Evidence(
                EvidenceChannel.CDC,
                "rows written, as orders of magnitude: 1000 inserted, 0 updated, 0 deleted;"
                    + " append-only",
                1000));
    assertThat(cdcEvidence(model, "t_ord")).isEmpty();
  }

  @Test
  void theModelChangesOnlyWhenActivityChangesByAnOrderOfMagnitude() {
    DataModel some = recover(List.of(new TableActivity("T_CUST", 120, 40, 0, EvidenceChannel.CDC)));
    DataModel more = recover(List.of(new TableActivity("T_CUST", 180, 95, 0, EvidenceChannel.CDC)));
    DataModel much =
        recover(List.of(new TableActivity("T_CUST", 1_200, 95, 0, EvidenceChannel.CDC)));

    assertThat(more).isEqualTo(some);
    assertThat(much).isNotEqualTo(some);
    assertThat(recover(List.of()))
        .isEqualTo(recover(List.of(new TableActivity("NO_SUCH", 5, 0, 0, EvidenceChannel.CDC))));
  }

  @Test
  void magnitudesArePowersOfTenNotAboveTheCount() {
    assertThat(WriteActivity.magnitude(0)).isZero();
    assertThat(WriteActivity.magnitude(1)).isEqualTo(1);
    assertThat(WriteActivity.magnitude(9)).isEqualTo(1);
    assertThat(WriteActivity.magnitude(10)).isEqualTo(10);
    assertThat(WriteActivity.magnitude(999_999)).isEqualTo(100_000);
    assertThat(WriteActivity.magnitude(Long.MAX_VALUE)).isEqualTo(1_000_000_000_000_000_000L);
  }
}
