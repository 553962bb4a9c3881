package dev.daas.recovery.infer;

import static dev.daas.recovery.TestingCatalogs.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.Cardinality;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import dev.daas.recovery.evidence.OrmMapping;
import dev.daas.recovery.evidence.RecoveryInput;
import dev.daas.recovery.evidence.StatementEvidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelInferenceTest {
  private final ModelInference inference = new ModelInference();

  static Catalog shop() {
    return new Catalog(
        "PostgreSQL 16",
        List.of(
            table("public", "T_CUST", "CUST_ID", "C_NM", "C_STAT"),
            table("public", "T_ORD", "ORD_NO", "CUST_ID", "ORD_DT", "STAT_CD"),
            table("public", "T_ORD_LN", "ORD_NO", "LN_NO", "PROD_ID", "QTY"),
            table("public", "T_PROD", "PROD_ID", "P_NM"),
            table("public", "T_SHIP", "SHIP_ID", "ORD_DT", "STAT_CD")));
  }

  static List<StatementEvidence> workload() {
    return List.of(
        probe(
            "select o.ORD_NO, c.C_NM from T_ORD o join T_CUST c on c.CUST_ID = o.CUST_ID",
            40,
            "OrderDao#list"),
        probe(
            "select l.QTY from T_ORD_LN l, T_ORD o where o.ORD_NO = l.ORD_NO and o.ORD_NO = ?",
            12,
            "LineDao#find"),
        probe(
            "select p.P_NM from T_PROD p join T_ORD_LN l using (PROD_ID) where l.ORD_NO = ?",
            7,
            "LineDao#products"),
        probe(
            "select o.ORD_NO from T_ORD o join T_SHIP s on s.STAT_CD = o.STAT_CD", 2, "Report#odd"),
        probe(
            "select c.C_NM from T_CUST c where c.C_STAT = 'A' or c.C_STAT = 'X'",
            3,
            "CustomerDao#active"));
  }

  static StatementEvidence probe(String sql, long count, String callSite) {
    return new StatementEvidence(sql, count, EvidenceChannel.PROBE, callSite);
  }

  @Test
  void infersKeysAndRelationshipsFromJoinsAndNamesWithoutDataChecks() {
    RecoveryResult result =
        inference.recover(RecoveryInput.of("shop", shop(), workload()), List.of());

    assertThat(result.inferredKeys())
        .extracting(k -> k.table() + k.columns())
        .contains(
            "public.T_CUST[CUST_ID]",
            "public.T_ORD[ORD_NO]",
            "public.T_PROD[PROD_ID]",
            "public.T_ORD_LN[ORD_NO, LN_NO]");
    Relationship customer = relationship(result, "t_ord", "t_cust");
    assertThat(customer.kind()).isEqualTo(RelationshipKind.INFERRED);
    assertThat(customer.fromAttributes()).containsExactly("cust_id");
    assertThat(customer.cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
    assertThat(customer.confidence()).isBetween(0.6, 1.0);
    assertThat(customer.evidence())
        .anySatisfy(e -> assertThat(e.channel()).isEqualTo(EvidenceChannel.PROBE));
    assertThat(relationship(result, "t_ord_ln", "t_ord").fromAttributes())
        .containsExactly("ord_no");
    assertThat(relationship(result, "t_ord_ln", "t_prod").fromAttributes())
        .containsExactly("prod_id");
  }

  @Test
  void neverTurnsAJoinOnNonKeyColumnsIntoARelationship() {
    RecoveryResult result =
        inference.recover(RecoveryInput.of("shop", shop(), workload()), List.of());

    assertThat(result.model().relationships())
        .noneMatch(r -> r.fromEntity().equals("t_ship") || r.toEntity().equals("t_ship"));
    assertThat(result.candidates()).noneMatch(r -> r.toEntity().equals("t_ship"));
  }

  @Test
  void plansUniquenessChecksFirstThenInclusionChecksAndUsesTheirAnswers() {
    RecoveryInput input = RecoveryInput.of("shop", shop(), workload());
    List<DataCheck> first = inference.plan(input, List.of());
    assertThat(first).isNotEmpty().allMatch(c -> c instanceof DataCheck.Uniqueness);

    List<CheckResult> answers = new ArrayList<>();
    for (DataCheck c : first) {
      DataCheck.Uniqueness u = (DataCheck.Uniqueness) c;
      boolean unique =
          !(u.table().equals("public.T_ORD_LN") && u.columns().equals(List.of("ORD_NO")));
      answers.add(new CheckResult(c, 100, unique ? 0 : 5));
    }
    List<DataCheck> second = inference.plan(input, answers);
    assertThat(second).isNotEmpty().allMatch(c -> c instanceof DataCheck.Inclusion);
    for (DataCheck c : second) {
      DataCheck.Inclusion i = (DataCheck.Inclusion) c;
      boolean real =
          Set.of("public.T_ORD", "public.T_ORD_LN").contains(i.table())
              && !i.referencedTable().equals("public.T_SHIP");
      answers.add(new CheckResult(c, 100, real ? 0 : 50));
    }
    assertThat(inference.plan(input, answers)).isEmpty();

    RecoveryResult checked = inference.recover(input, answers);
    RecoveryResult unchecked = inference.recover(input, List.of());
    assertThat(relationship(checked, "t_ord", "t_cust").confidence())
        .isGreaterThan(relationship(unchecked, "t_ord", "t_cust").confidence());
    assertThat(checked.inferredKeys())
        .filteredOn(k -> k.table().equals("public.T_ORD_LN"))
        .singleElement()
        .satisfies(k -> assertThat(k.columns()).containsExactly("ORD_NO", "LN_NO"));
  }

  @Test
  void keepsWeakRelationshipsAsCandidatesForCuration() {
    Catalog catalog =
        new Catalog(
            "H2",
            List.of(
                table("public", "T_CUST", List.of("CUST_ID"), "CUST_ID", "C_NM"),
                table("public", "T_INV", List.of("INV_NO"), "INV_NO", "CUST_ID")));

    RecoveryResult result = inference.recover(RecoveryInput.of("x", catalog, List.of()), List.of());

    assertThat(result.model().relationships()).isEmpty();
    assertThat(result.candidates())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.fromEntity()).isEqualTo("t_inv");
              assertThat(r.toEntity()).isEqualTo("t_cust");
              assertThat(r.confidence()).isLessThan(0.6);
            });
  }

  @Test
  void usesOrmIdentifiersAssociationsAndNames() {
    Catalog catalog =
        new Catalog(
            "H2",
            List.of(
                table("public", "KUNDE", "NR", "NAME1"),
                table("public", "AUFTRAG", "AUF_NR", "KD", "DAT")));
    OrmMapping customer =
        new OrmMapping(
            "jpa",
            "com.acme.Customer",
            "Customer",
            null,
            "KUNDE",
            List.of(
                new OrmMapping.Field("number", "NR", true),
                new OrmMapping.Field("name", "NAME1", false)),
            List.of());
    OrmMapping order =
        new OrmMapping(
            "jpa",
            "com.acme.SalesOrder",
            "SalesOrder",
            null,
            "AUFTRAG",
            List.of(
                new OrmMapping.Field("id", "AUF_NR", true),
                new OrmMapping.Field("placedOn", "DAT", false)),
            List.of(
                new OrmMapping.Association(
                    "customer",
                    "many_to_one",
                    "com.acme.Customer",
                    null,
                    List.of(new OrmMapping.JoinColumn("KD", null)),
                    null)));
    RecoveryInput input =
        new RecoveryInput("x", catalog, List.of(), List.of(customer, order), List.of(), null);

    RecoveryResult result = inference.recover(input, List.of());

    assertThat(result.model().entity("kunde").orElseThrow().primaryKey().attributes())
        .containsExactly("nr");
    Relationship r = relationship(result, "auftrag", "kunde");
    assertThat(r.fromAttributes()).containsExactly("kd");
    assertThat(r.toAttributes()).containsExactly("nr");
    assertThat(result.readableNames())
        .containsEntry("kunde", "customer")
        .containsEntry("auftrag", "sales_order")
        .containsEntry("auftrag.dat", "placed_on");
  }

  @Test
  void spellsOutAbbreviationsAndFindsEnumLikeColumns() {
    RecoveryResult result =
        inference.recover(RecoveryInput.of("shop", shop(), workload()), List.of());

    assertThat(result.readableNames())
        .containsEntry("t_cust", "customer")
        .containsEntry("t_cust.c_nm", "name")
        .containsEntry("t_ord_ln", "order_line")
        .containsEntry("t_ord_ln.qty", "quantity")
        .containsEntry("t_ord.ord_dt", "order_date");
    assertThat(result.valueDomains())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.entity() + "." + d.attribute()).isEqualTo("t_cust.c_stat");
              assertThat(d.values()).containsExactly("A", "X");
            });
  }

  @Test
  void givesTheSameResultWhateverTheOrderOfTheEvidence() {
    List<StatementEvidence> reversed = new ArrayList<>(workload());
    Collections.reverse(reversed);
    Catalog catalog = shop();
    List<dev.daas.model.catalog.Table> tables = new ArrayList<>(catalog.tables());
    Collections.reverse(tables);

    RecoveryResult a =
        new ModelInference().recover(RecoveryInput.of("shop", catalog, workload()), List.of());
    RecoveryResult b =
        new ModelInference()
            .recover(
                RecoveryInput.of("shop", new Catalog(catalog.databaseProduct(), tables), reversed),
                List.of());

    assertThat(b).isEqualTo(a);
  }

  @Test
  void countsStatementsItCannotReadWithoutFailing() {
    List<StatementEvidence> statements =
        List.of(
            probe("selec nonsense", 1, null),
            probe("x".repeat(1_000_001), 1, null),
            probe("create table T_X (ID int)", 1, null));

    RecoveryResult result =
        inference.recover(RecoveryInput.of("shop", shop(), statements), List.of());

    assertThat(result.statements().templates()).isEqualTo(3);
    assertThat(result.statements().parsed()).isZero();
    assertThat(result.statements().unparsed().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(3);
  }

  static Relationship relationship(RecoveryResult result, String from, String to) {
    return result.model().relationships().stream()
        .filter(r -> r.fromEntity().equals(from) && r.toEntity().equals(to))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no "
                        + from
                        + " -> "
                        + to
                        + " in "
                        + result.model().relationships()
                        + "\ncandidates "
                        + result.candidates()
                        + "\nall "
                        + result.relationships()));
  }
}
