package dev.daas.gateway.parse;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Parses the text of the {@code filter} parameter into a {@link FilterExpr}. Fails on the first
 * syntax error with {@link ErrorCode#MALFORMED_FILTER} and details {@code position} (0-based
 * character offset), {@code expected} and {@code found} where known. The input is bounded in length
 * and nesting before ANTLR sees it, so hostile input cannot exhaust memory or the stack.
 */
public final class FilterSyntax {
  public static final int MAX_LENGTH = 4000;
  public static final int MAX_DEPTH = 32;

  private FilterSyntax() {}

  public static FilterExpr parse(String text) {
    if (text == null) {
      throw malformed("filter is missing", 0, null, null);
    }
    if (text.length() > MAX_LENGTH) {
      throw malformed(
          "filter is "
              + text.length()
              + " characters long; at most "
              + MAX_LENGTH
              + " are accepted",
          MAX_LENGTH,
          null,
          null);
    }
    checkNesting(text);
    FilterLexer lexer = new FilterLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(new FilterErrorListener(text));
    FilterParser parser = new FilterParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(new FilterErrorListener(text));
    FilterExpr expr = new FilterAstBuilder().visit(parser.filter());
    checkDepth(expr, 1);
    return expr;
  }

  private static void checkNesting(String text) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        // '' inside a string toggles twice, which leaves the state as it was
        inString = !inString;
      } else if (!inString && c == '(') {
        depth++;
        if (depth > MAX_DEPTH) {
          throw malformed(
              "filter nests parentheses deeper than " + MAX_DEPTH + " levels", i, null, "(");
        }
      } else if (!inString && c == ')') {
        depth--;
      }
    }
  }

  private static void checkDepth(FilterExpr expr, int depth) {
    if (depth > MAX_DEPTH) {
      throw malformed(
          "filter nests AND, OR and NOT deeper than " + MAX_DEPTH + " levels", 0, null, null);
    }
    if (expr instanceof FilterExpr.And and) {
      and.operands().forEach(e -> checkDepth(e, depth + 1));
    } else if (expr instanceof FilterExpr.Or or) {
      or.operands().forEach(e -> checkDepth(e, depth + 1));
    } else if (expr instanceof FilterExpr.Not not) {
      checkDepth(not.operand(), depth + 1);
    }
  }

  static DaasException malformed(String message, int position, String expected, String found) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("position", position);
    if (expected != null) {
      details.put("expected", expected);
    }
    if (found != null) {
      details.put("found", found);
    }
    return new DaasException(ErrorCode.MALFORMED_FILTER, message, details);
  }
}
