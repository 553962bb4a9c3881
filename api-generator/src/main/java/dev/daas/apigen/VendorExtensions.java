package dev.daas.apigen;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.ValueDomain;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the model knows beyond types, put where tools and people find it: the readable name as the
 * schema {@code title} and {@code x-daas-readable-name}, observed values as {@code
 * x-daas-value-domain} and personal data as {@code x-daas-pii}. Never an OpenAPI {@code enum}: a
 * value domain is what was observed so far, and generated clients reject values outside an enum.
 */
final class VendorExtensions {
  static final String READABLE_NAME = "x-daas-readable-name";
  static final String VALUE_DOMAIN = "x-daas-value-domain";
  static final String PII = "x-daas-pii";

  private VendorExtensions() {}

  static void entity(Schema<?> schema, Entity entity) {
    readableName(schema, entity.readableName());
  }

  static void attribute(Schema<?> schema, Attribute attribute) {
    readableName(schema, attribute.readableName());
    ValueDomain domain = attribute.valueDomain();
    if (domain != null) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("values", List.copyOf(domain.values()));
      value.put("closed", domain.closed());
      TreeSet<String> sources = new TreeSet<>();
      for (Evidence e : domain.evidence()) {
        sources.add(e.channel().name().toLowerCase(Locale.ROOT));
      }
      value.put("sources", List.copyOf(sources));
      schema.addExtension(VALUE_DOMAIN, value);
    }
    if (attribute.pii()) {
      schema.addExtension(PII, true);
    }
  }

  private static void readableName(Schema<?> schema, String readableName) {
    if (readableName != null) {
      schema.title(readableName);
      schema.addExtension(READABLE_NAME, readableName);
    }
  }
}
