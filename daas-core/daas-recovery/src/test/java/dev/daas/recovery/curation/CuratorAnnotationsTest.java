package dev.daas.recovery.curation;

import static dev.daas.recovery.TestingModels.candidate;
import static dev.daas.recovery.TestingModels.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.ValueDomain;
import dev.daas.recovery.curation.CurationEntry.ConfirmRelationship;
import dev.daas.recovery.curation.CurationEntry.MarkPii;
import dev.daas.recovery.curation.CurationEntry.RenameAttribute;
import dev.daas.recovery.curation.CurationEntry.RenameEntity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What curation does to readable names, value domains, PII and the candidates of the model. */
class CuratorAnnotationsTest {
  private static final ValueDomain DOMAIN =
      new ValueDomain(
          List.of("a@x.example", "b@y.example"),
          false,
          List.of(new Evidence(EvidenceChannel.PROBE, "values observed", 2)));

  private final DataModel recovered = annotated();

  @Test
  void markingPiiSetsTheFlagAndDropsTheObservedValues() {
    DataModel curated = curate(new MarkPii("public", "T_CUST", "C_MAIL_TXT")).model();

    Attribute mail = attribute(curated, "t_cust", "c_mail_txt");
    assertThat(mail.pii()).isTrue();
    assertThat(mail.valueDomain()).isNull();
    assertThat(mail.readableName()).isEqualTo("mail_text");
    assertThat(attribute(curated, "t_cust", "c_nm").pii()).isFalse();
    assertThat(attribute(curated, "t_cust", "c_nm").valueDomain()).isEqualTo(DOMAIN);
  }

  @Test
  void aRenameKeepsTheRecoveredReadableNameBesideTheNewApiName() {
    DataModel curated =
        curate(
                new RenameAttribute("public", "T_CUST", "C_NM", "cust_name"),
                new RenameEntity("public", "T_CUST", "client"))
            .model();

    Entity client = curated.entity("client").orElseThrow();
    assertThat(client.readableName()).isEqualTo("customer");
    assertThat(client.requireAttribute("cust_name").readableName()).isEqualTo("name");
    assertThat(client.requireAttribute("cust_name").valueDomain()).isEqualTo(DOMAIN);
  }

  @Test
  void aRenameToTheReadableNameLeavesNoReadableNameBesideIt() {
    DataModel curated =
        curate(
                new RenameAttribute("public", "T_CUST", "C_NM", "name"),
                new RenameEntity("public", "T_CUST", "customer"))
            .model();

    Entity customer = curated.entity("customer").orElseThrow();
    assertThat(customer.readableName()).isNull();
    assertThat(customer.requireAttribute("name").readableName()).isNull();
  }

  @Test
  void theServedModelCarriesTheCandidatesLeftAfterCuration() {
    assertThat(curate().model().candidates()).containsExactly(candidate());

    CuratedModel confirmed =
        curate(
            new ConfirmRelationship(
                new TableColumns("public", "T_ORD_LN", List.of("PROD_ID")),
                new TableColumns("public", "T_PROD", List.of("PROD_ID"))));

    assertThat(confirmed.model().candidates()).isEmpty();
    assertThat(confirmed.candidates()).isEmpty();
  }

  private CuratedModel curate(CurationEntry... entries) {
    return Curator.apply(recovered, List.of(candidate()), List.of(entries));
  }

  /** The testing model with the readable names and value domains inference would add. */
  private static DataModel annotated() {
    DataModel model = model();
    List<Entity> entities = new ArrayList<>();
    for (Entity e : model.entities()) {
      if (!e.table().equals("T_CUST")) {
        entities.add(e);
        continue;
      }
      List<Attribute> attributes = new ArrayList<>();
      for (Attribute a : e.attributes()) {
        attributes.add(
            switch (a.column()) {
              case "C_NM" -> a.withAnnotations("name", DOMAIN, false);
              case "C_MAIL_TXT" -> a.withAnnotations("mail_text", DOMAIN, false);
              default -> a;
            });
      }
      entities.add(e.withAttributes(attributes, "customer"));
    }
    return model.withEntities(entities).withCandidates(List.of(candidate()));
  }

  private static Attribute attribute(DataModel model, String entity, String name) {
    return model.entity(entity).orElseThrow().requireAttribute(name);
  }
}
