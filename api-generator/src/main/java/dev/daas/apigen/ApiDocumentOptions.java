package dev.daas.apigen;

import static java.util.Objects.requireNonNull;

/**
 * What the generated document says beyond the model itself.
 *
 * @param title the document title, e.g. {@code DaaS data API: legacy}
 * @param version the version label, e.g. the model snapshot version {@code 7}
 * @param serverUrl the base URL the paths are relative to, e.g. {@code
 *     https://daas.example.org/api/v1/legacy} or {@code /api/v1/legacy}
 * @param defaultLimit page size when {@code limit} is absent
 * @param maxLimit the largest accepted {@code limit}
 * @param maxEmbedDepth the deepest accepted embed path ({@code orders.lines} has depth 2)
 */
public record ApiDocumentOptions(
    String title,
    String version,
    String serverUrl,
    int defaultLimit,
    int maxLimit,
    int maxEmbedDepth) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;
  public static final int MAX_EMBED_DEPTH = 3;

  public ApiDocumentOptions {
    requireNonNull(title, "title is null");
    requireNonNull(version, "version is null");
    requireNonNull(serverUrl, "serverUrl is null");
    if (title.isBlank() || version.isBlank() || serverUrl.isBlank()) {
      throw new IllegalArgumentException(
          "title, version and serverUrl must not be blank, were '"
              + title
              + "', '"
              + version
              + "', '"
              + serverUrl
              + "'");
    }
    if (defaultLimit < 1 || maxLimit < defaultLimit) {
      throw new IllegalArgumentException(
          "limits must satisfy 1 <= defaultLimit <= maxLimit, were "
              + defaultLimit
              + " and "
              + maxLimit);
    }
    if (maxEmbedDepth < 1) {
      throw new IllegalArgumentException("maxEmbedDepth must be at least 1, was " + maxEmbedDepth);
    }
  }

  /** The contract's defaults (limit 50, maximum 1000, embed depth 3) for one source. */
  public static ApiDocumentOptions forSource(String source, String version, String serverUrl) {
    requireNonNull(source, "source is null");
    return new ApiDocumentOptions(
        "DaaS data API: " + source, version, serverUrl, DEFAULT_LIMIT, MAX_LIMIT, MAX_EMBED_DEPTH);
  }
}
