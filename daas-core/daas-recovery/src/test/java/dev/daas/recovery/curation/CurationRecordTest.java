package dev.daas.recovery.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurationRecordTest {
  private static final TableColumns FROM = new TableColumns("public", "T_ORD", List.of("CUST_ID"));
  private static final TableColumns TO = new TableColumns("public", "T_CUST", List.of("CUST_ID"));

  @Test
  void everyEntryTypeSurvivesTheJsonShape() {
    List<CurationEntry> entries =
        List.of(
            new CurationEntry.RenameEntity("public", "T_CUST", "customer"),
            new CurationEntry.RenameAttribute("public", "T_CUST", "C_NM", "name"),
            new CurationEntry.HideEntity(null, "T_TMP"),
            new CurationEntry.HideAttribute("public", "T_CUST", "C_PWD"),
            new CurationEntry.ConfirmRelationship(FROM, TO),
            new CurationEntry.RejectRelationship(FROM, TO),
            new CurationEntry.AddRelationship(FROM, TO, "customer", null),
            new CurationEntry.MarkPii("public", "T_CUST", "C_NM"));

    for (CurationEntry entry : entries) {
      CurationRecord record = CurationRecord.of(entry);
      assertThat(record.type()).isEqualTo(entry.type());
      assertThat(record.problems()).isEmpty();
      assertThat(record.toEntry()).isEqualTo(entry);
    }
    assertThat(entries)
        .extracting(CurationEntry::type)
        .containsExactlyElementsOf(CurationRecord.TYPES);
  }

  @Test
  void listsEveryProblemOfARecord() {
    CurationRecord record =
        new CurationRecord("rename-attribute", "public", null, null, "1st", null, FROM, null);

    assertThat(record.problems())
        .containsExactly(
            "table is required for rename-attribute",
            "column is required for rename-attribute",
            "from does not apply to rename-attribute");
    assertThatThrownBy(record::toEntry).hasMessageContaining("table is required");
  }

  @Test
  void rejectsAnUnknownTypeAndANameThatIsNoApiName() {
    assertThat(
            new CurationRecord("delete-table", null, "T", null, null, null, null, null).problems())
        .singleElement()
        .asString()
        .contains("type 'delete-table' is unknown");
    assertThat(
            new CurationRecord("rename-entity", null, "T", null, "1st", null, null, null)
                .problems())
        .singleElement()
        .asString()
        .contains("name '1st' is no API name");
  }

  @Test
  void aRelationshipMustPairAsManyColumnsOnEachSide() {
    TableColumns two = new TableColumns("public", "T_CUST", List.of("A", "B"));

    assertThatThrownBy(() -> new CurationEntry.ConfirmRelationship(FROM, two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different number of columns");
  }
}
