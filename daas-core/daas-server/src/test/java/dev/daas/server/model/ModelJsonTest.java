package dev.daas.server.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.EntityKind;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.ValueDomain;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
  /** A format version 1 document stored before readable names, value domains, PII, candidates. */
  private static final String BEFORE_THE_ADDITIONS =
      "{\"formatVersion\":1,\"source\":\"s\",\"databaseProduct\":\"H2\",\"entities\":[{\"name\":"
          + "\"t\",\"schema\":\"PUBLIC\",\"table\":\"T\",\"kind\":\"table\",\"description\":null,"
          + "\"attributes\":[{\"name\":\"id\",\"column\":\"ID\",\"type\":\"integer\",\"nativeType\":"
          + "\"integer\",\"nullable\":false,\"defaultValue\":null,\"description\":null,\"maxLength\":"
          + "null,\"precision\":null,\"scale\":null,\"enumValues\":[],\"generated\":false}],"
          + "\"primaryKey\":null,\"uniqueKeys\":[],\"indexes\":[],\"evidence\":[]}],"
          + "\"relationships\":[]}";

  @Test
  void readsDocumentsStoredBeforeTheAdditionsWithEmptyAnnotations() {
    DataModel model = ModelJson.read(BEFORE_THE_ADDITIONS);

    Attribute id = model.entities().get(0).attributes().get(0);
    assertThat(id.readableName()).isNull();
    assertThat(id.valueDomain()).isNull();
    assertThat(id.pii()).isFalse();
    assertThat(model.entities().get(0).readableName()).isNull();
    assertThat(model.candidates()).isEmpty();
  }

  @Test
  void writesAnnotationsInLowerCaseAndReadsThemBackEqual() {
    Attribute status =
        new Attribute(
            "stat",
            "STAT",
            DataType.STRING,
            "varchar",
            true,
            null,
            null,
            1,
            null,
            null,
            List.of(),
            false,
            "status",
            new ValueDomain(
                List.of("A", "X"),
                false,
                List.of(new Evidence(EvidenceChannel.DATA_CHECK, "values", 2))),
            true);
    DataModel model =
        new DataModel(
            1,
            "s",
            "H2",
            List.of(
                new Entity(
                    "t_cust",
                    "PUBLIC",
                    "T_CUST",
                    EntityKind.TABLE,
                    null,
                    List.of(status),
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    "customer")),
            List.of(),
            List.of());

    String json = ModelJson.write(model);

    assertThat(json)
        .contains("\"readableName\":\"customer\"")
        .contains("\"valueDomain\":{\"values\":[\"A\",\"X\"],\"closed\":false")
        .contains("\"channel\":\"data_check\"")
        .contains("\"pii\":true")
        .contains("\"candidates\":[]");
    assertThat(ModelJson.read(json)).isEqualTo(model);
    assertThat(ModelJson.hash(ModelJson.write(ModelJson.read(json))))
        .isEqualTo(ModelJson.hash(json));
  }
}
