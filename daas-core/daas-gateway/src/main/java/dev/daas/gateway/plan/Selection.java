package dev.daas.gateway.plan;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a request selects at one level: the field names written for it and the embeds below it,
 * built from the dotted paths of {@code fields} and {@code embed}. Names are not yet resolved.
 */
final class Selection {
  final List<String> fields = new ArrayList<>();
  final Map<String, Selection> embeds = new LinkedHashMap<>();

  static Selection of(List<String> fieldPaths, List<String> embedPaths, int maxEmbedDepth) {
    Selection root = new Selection();
    for (String path : embedPaths) {
      String[] names = path.split("\\.");
      if (names.length > maxEmbedDepth) {
        throw new DaasException(
            ErrorCode.EMBED_TOO_DEEP,
            "embed path '"
                + PlanErrors.shorten(path)
                + "' is "
                + names.length
                + " levels deep; at most "
                + maxEmbedDepth
                + " are allowed",
            Map.of("embed", PlanErrors.shorten(path), "maxDepth", maxEmbedDepth));
      }
      Selection node = root;
      for (String name : names) {
        node = node.embeds.computeIfAbsent(name, n -> new Selection());
      }
    }
    for (String path : fieldPaths) {
      int dot = path.lastIndexOf('.');
      Selection node = dot < 0 ? root : root.find(path.substring(0, dot));
      if (node == null) {
        String embed = path.substring(0, dot);
        throw new DaasException(
            ErrorCode.UNKNOWN_FIELD,
            "field '"
                + PlanErrors.shorten(path)
                + "' selects from '"
                + PlanErrors.shorten(embed)
                + "', which is not embedded; add it to embed (embed="
                + PlanErrors.shorten(embed)
                + ")",
            Map.of("field", PlanErrors.shorten(path), "parameter", "fields"));
      }
      node.fields.add(path.substring(dot + 1));
    }
    return root;
  }

  private Selection find(String path) {
    Selection node = this;
    for (String name : path.split("\\.")) {
      node = node.embeds.get(name);
      if (node == null) {
        return null;
      }
    }
    return node;
  }
}
