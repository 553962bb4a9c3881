package dev.daas.recovery.infer;

import static dev.daas.recovery.TestingCatalogs.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.Cardinality;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.catalog.Catalog;
import dev.daas.recovery.evidence.RecoveryInput;
import dev.daas.recovery.evidence.StatementEvidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkAndCompositeTest {
  private final ModelInference inference = new ModelInference();

  private static StatementEvidence sql(String template) {
    return new StatementEvidence(template, 10, EvidenceChannel.STATEMENT_STATS, null);
  }

  @Test
  void recognisesALinkTableAsManyToMany() {
    Catalog catalog =
        new Catalog(
            "PostgreSQL",
            List.of(
                table("public", "T_PROD", List.of("PROD_ID"), "PROD_ID", "P_NM"),
                table("public", "T_SUPP", List.of("SUPP_ID"), "SUPP_ID", "S_NM"),
                table("public", "T_PROD_SUPP", "PROD_ID", "SUPP_ID")));
    List<StatementEvidence> statements =
        List.of(
            sql(
                "select s.S_NM from T_SUPP s join T_PROD_SUPP ps on ps.SUPP_ID = s.SUPP_ID"
                    + " join T_PROD p on p.PROD_ID = ps.PROD_ID where p.PROD_ID = ?"));

    RecoveryResult result =
        inference.recover(RecoveryInput.of("x", catalog, statements), List.of());

    assertThat(result.model().entity("t_prod_supp").orElseThrow().primaryKey().attributes())
        .containsExactly("prod_id", "supp_id");
    assertThat(result.manyToMany())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.linkEntity()).isEqualTo("t_prod_supp");
              assertThat(List.of(m.left(), m.right()))
                  .containsExactlyInAnyOrder("t_prod", "t_supp");
            });
  }

  @Test
  void findsCompositeReferencesSelfReferencesAndOneToOneExtensions() {
    Catalog catalog =
        new Catalog(
            "PostgreSQL",
            List.of(
                table("public", "T_ORD", List.of("ORD_NO"), "ORD_NO", "O_DT"),
                table("public", "T_ORD_LN", List.of("ORD_NO", "LN_NO"), "ORD_NO", "LN_NO", "QTY"),
                table("public", "T_SHIP_LN", List.of("SHIP_NO"), "SHIP_NO", "ORD_NO", "ORD_LN_NO"),
                table("public", "T_EMP", List.of("EMP_ID"), "EMP_ID", "MGR_ID", "E_NM"),
                table("public", "T_EMP_EXT", List.of("EMP_ID"), "EMP_ID", "BIO_TXT")));
    List<StatementEvidence> statements =
        List.of(
            sql(
                "select l.QTY from T_SHIP_LN s join T_ORD_LN l on l.ORD_NO = s.ORD_NO and l.LN_NO = s.ORD_LN_NO"),
            sql("select m.E_NM from T_EMP e join T_EMP m on m.EMP_ID = e.MGR_ID"),
            sql("select x.BIO_TXT from T_EMP e join T_EMP_EXT x on x.EMP_ID = e.EMP_ID"));

    RecoveryResult result =
        inference.recover(RecoveryInput.of("x", catalog, statements), List.of());

    assertThat(result.relationships())
        .filteredOn(InferredRelationship::emitted)
        .extracting(InferredRelationship::signature)
        .contains(
            "public.T_SHIP_LN[ORD_NO, ORD_LN_NO] -> public.T_ORD_LN[ORD_NO, LN_NO]",
            "public.T_EMP[MGR_ID] -> public.T_EMP[EMP_ID]",
            "public.T_EMP_EXT[EMP_ID] -> public.T_EMP[EMP_ID]")
        .doesNotContain("public.T_EMP[EMP_ID] -> public.T_EMP_EXT[EMP_ID]");
    assertThat(result.model().relationships())
        .filteredOn(r -> r.fromEntity().equals("t_emp_ext"))
        .singleElement()
        .satisfies(r -> assertThat(r.cardinality()).isEqualTo(Cardinality.ONE_TO_ONE));
  }
}
