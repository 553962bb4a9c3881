package dev.daas.gateway.parse;

import static java.util.Objects.requireNonNull;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parse stage: turns the entity name, the raw key path segment and the decoded query parameters
 * of a data API call into a {@link DataRequest}. Checks syntax only; whether fields, embeds and key
 * values exist and fit is decided against the model by the planner.
 */
public final class RequestParser {
  /** Parameters accepted when listing an entity. */
  public static final List<String> LIST_PARAMETERS =
      List.of("filter", "sort", "limit", "cursor", "fields", "embed");

  /** Parameters accepted when reading one row by its key. */
  public static final List<String> KEY_PARAMETERS = List.of("fields", "embed");

  private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
  private static final Pattern SORT_TERM = Pattern.compile("-?" + NAME);
  private static final Pattern PATH = Pattern.compile(NAME + "(\\." + NAME + ")*");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final int MAX_TEXT = 80;

  /**
   * @param entity the entity API name from the path
   * @param rawKey the key path segment exactly as received (still percent-encoded), or null for a
   *     list request
   * @param parameters query parameters, already percent-decoded, each with all its values
   */
  public DataRequest parse(String entity, String rawKey, Map<String, List<String>> parameters) {
    requireNonNull(entity, "entity is null");
    requireNonNull(parameters, "parameters is null");
    List<String> accepted = rawKey == null ? LIST_PARAMETERS : KEY_PARAMETERS;
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (!accepted.contains(parameter.getKey())) {
        throw new DaasException(
            ErrorCode.UNKNOWN_PARAMETER,
            "unknown parameter '"
                + shorten(parameter.getKey())
                + "'; accepted "
                + (rawKey == null ? "when listing" : "when reading by key")
                + ": "
                + String.join(", ", accepted),
            Map.of("parameter", shorten(parameter.getKey()), "accepted", accepted));
      }
    }
    String filter = single(parameters, "filter", ErrorCode.MALFORMED_FILTER);
    String sort = single(parameters, "sort", ErrorCode.MALFORMED_SORT);
    String limit = single(parameters, "limit", ErrorCode.INVALID_LIMIT);
    String cursor = single(parameters, "cursor", ErrorCode.BAD_CURSOR);
    String fields = single(parameters, "fields", ErrorCode.MALFORMED_FIELDS);
    String embed = single(parameters, "embed", ErrorCode.UNKNOWN_EMBED);
    return new DataRequest(
        entity,
        filter == null ? null : FilterSyntax.parse(filter),
        sort == null ? List.of() : sortTerms(sort),
        limit == null ? null : limit(limit),
        cursor == null || cursor.isEmpty() ? null : cursor,
        fields == null ? List.of() : paths(fields, "fields", ErrorCode.MALFORMED_FIELDS),
        embed == null ? List.of() : paths(embed, "embed", ErrorCode.UNKNOWN_EMBED),
        rawKey == null ? null : key(rawKey));
  }

  /** Splits the key segment on {@code ,} first, then percent-decodes each part. */
  public static List<String> key(String rawKey) {
    if (rawKey.isEmpty()) {
      throw new DaasException(ErrorCode.BAD_KEY, "the key is empty; give the key values in order");
    }
    List<String> values = new ArrayList<>();
    for (String part : rawKey.split(",", -1)) {
      values.add(percentDecode(part));
    }
    return values;
  }

  private static String single(Map<String, List<String>> parameters, String name, ErrorCode code) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new DaasException(
          code,
          "parameter '"
              + name
              + "' is given "
              + values.size()
              + " times; give it once"
              + (name.equals("filter") ? " and combine conditions with AND" : ", comma-separated"),
          Map.of("parameter", name));
    }
    return requireNonNull(values.get(0), "parameter value is null");
  }

  private static List<SortTerm> sortTerms(String text) {
    List<SortTerm> terms = new ArrayList<>();
    int position = 0;
    for (String part : text.split(",", -1)) {
      String term = part.strip();
      if (!SORT_TERM.matcher(term).matches()) {
        throw new DaasException(
            ErrorCode.MALFORMED_SORT,
            "malformed sort term '"
                + shorten(term)
                + "' at position "
                + position
                + "; write field names separated by commas, '-field' for descending",
            Map.of("position", position));
      }
      SortTerm sortTerm = new SortTerm(term.replaceFirst("^-", ""), term.startsWith("-"));
      if (terms.stream().anyMatch(t -> t.field().equals(sortTerm.field()))) {
        throw new DaasException(
            ErrorCode.MALFORMED_SORT,
            "sort names field '" + sortTerm.field() + "' twice; name each field once",
            Map.of("position", position, "field", sortTerm.field()));
      }
      terms.add(sortTerm);
      position += part.length() + 1;
    }
    return terms;
  }

  private static List<String> paths(String text, String parameter, ErrorCode code) {
    List<String> paths = new ArrayList<>();
    int position = 0;
    for (String part : text.split(",", -1)) {
      String path = part.strip();
      if (!PATH.matcher(path).matches()) {
        throw new DaasException(
            code,
            "malformed "
                + parameter
                + " entry '"
                + shorten(path)
                + "' at position "
                + position
                + "; write names separated by commas, with '.' between an embed and its field",
            Map.of("position", position));
      }
      if (!paths.contains(path)) {
        paths.add(path);
      }
      position += part.length() + 1;
    }
    return paths;
  }

  private static Integer limit(String text) {
    String value = text.strip();
    if (!DIGITS.matcher(value).matches() || value.chars().allMatch(c -> c == '0')) {
      throw new DaasException(
          ErrorCode.INVALID_LIMIT,
          "limit '" + shorten(text) + "' is not a positive integer",
          Map.of("limit", shorten(text)));
    }
    if (value.length() > 9) {
      throw new DaasException(
          ErrorCode.LIMIT_TOO_LARGE,
          "limit " + shorten(value) + " is too large",
          Map.of("limit", shorten(value)));
    }
    return Integer.valueOf(value);
  }

  private static String percentDecode(String part) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c != '%') {
        int end = part.indexOf('%', i);
        end = end < 0 ? part.length() : end;
        bytes.writeBytes(part.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
        continue;
      }
      int high = i + 2 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
      int low = i + 2 < part.length() ? Character.digit(part.charAt(i + 2), 16) : -1;
      if (high < 0 || low < 0) {
        throw badKey("key contains a malformed percent escape at offset " + i);
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw badKey("key is not valid UTF-8 once percent-decoded");
    }
  }

  private static DaasException badKey(String message) {
    return new DaasException(ErrorCode.BAD_KEY, message);
  }

  private static String shorten(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
  }
}
