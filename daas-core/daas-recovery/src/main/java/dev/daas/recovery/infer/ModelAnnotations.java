package dev.daas.recovery.infer;

import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.ValueDomain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts what inference recovered beside the catalog into the model itself: readable names on
 * entities and attributes, value domains on attributes. Evidence of a domain is sorted, so the
 * model does not depend on the order evidence arrived in.
 */
final class ModelAnnotations {
  private static final Comparator<Evidence> EVIDENCE_ORDER =
      Comparator.comparing(Evidence::channel)
          .thenComparing(Evidence::detail)
          .thenComparingLong(Evidence::count);

  private ModelAnnotations() {}

  static DataModel annotate(
      DataModel model,
      Map<String, String> readableNames,
      List<RecoveryResult.ValueDomain> valueDomains) {
    Map<String, RecoveryResult.ValueDomain> domains = new HashMap<>();
    valueDomains.forEach(d -> domains.put(d.entity() + "." + d.attribute(), d));
    List<Entity> entities = new ArrayList<>();
    for (Entity e : model.entities()) {
      List<Attribute> attributes = new ArrayList<>();
      for (Attribute a : e.attributes()) {
        String path = e.name() + "." + a.name();
        RecoveryResult.ValueDomain d = domains.get(path);
        attributes.add(
            a.withAnnotations(
                readableNames.get(path),
                d == null
                    ? null
                    : new ValueDomain(
                        d.values(),
                        d.closed(),
                        d.evidence().stream().sorted(EVIDENCE_ORDER).toList()),
                a.pii()));
      }
      entities.add(e.withAttributes(attributes, readableNames.get(e.name())));
    }
    return model.withEntities(entities);
  }
}
