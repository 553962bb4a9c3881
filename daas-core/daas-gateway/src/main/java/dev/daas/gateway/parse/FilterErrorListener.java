package dev.daas.gateway.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the first lexer or parser error into a {@code MALFORMED_FILTER} exception. Throwing from
 * the listener stops ANTLR's recovery, so nothing after the first error is reported or printed.
 */
final class FilterErrorListener extends BaseErrorListener {
  private static final int MAX_FOUND = 20;

  private final String text;

  FilterErrorListener(String text) {
    this.text = text;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String msg,
      RecognitionException e) {
    if (recognizer instanceof Lexer lexer) {
      throw lexerError(lexer);
    }
    Token token = (Token) offendingSymbol;
    IntervalSet expected =
        e != null && e.getExpectedTokens() != null
            ? e.getExpectedTokens()
            : ((Parser) recognizer).getExpectedTokens();
    String expectedText = describe(expected);
    String found = describe(token);
    int position = token.getType() == Token.EOF ? text.length() : token.getStartIndex();
    throw FilterSyntax.malformed(
        "malformed filter at position "
            + position
            + ": expected "
            + expectedText
            + " but found "
            + found,
        position,
        expectedText,
        found);
  }

  private RuntimeException lexerError(Lexer lexer) {
    int start = lexer._tokenStartCharIndex;
    if (start < text.length() && text.charAt(start) == '\'') {
      return FilterSyntax.malformed(
          "malformed filter at position "
              + start
              + ": string is not terminated; close it with ' and write '' for a quote inside",
          start,
          "'",
          "end of input");
    }
    int position = Math.min(start, text.length());
    String found = position < text.length() ? "'" + text.charAt(position) + "'" : "end of input";
    return FilterSyntax.malformed(
        "malformed filter at position "
            + position
            + ": unexpected character "
            + found
            + "; fields are written as name, strings as 'text', numbers as -12, 3.5 or 1e3",
        position,
        null,
        found);
  }

  private static String describe(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of input";
    }
    String tokenText = token.getText();
    if (tokenText.length() > MAX_FOUND) {
      tokenText = tokenText.substring(0, MAX_FOUND) + "...";
    }
    return "'" + tokenText + "'";
  }

  private static String describe(IntervalSet expected) {
    if (expected == null || expected.isNil()) {
      return "a valid expression";
    }
    List<String> names = new ArrayList<>();
    for (int type : expected.toList()) {
      String name = name(type);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names.size() == 1 ? names.get(0) : "one of " + String.join(", ", names);
  }

  private static String name(int type) {
    return switch (type) {
      case Token.EOF -> "end of input";
      case FilterLexer.IDENT -> "field name";
      case FilterLexer.STRING -> "string";
      case FilterLexer.NUMBER -> "number";
      case FilterLexer.EQ,
          FilterLexer.NE,
          FilterLexer.LT,
          FilterLexer.LE,
          FilterLexer.GT,
          FilterLexer.GE ->
          "comparison operator";
      case FilterLexer.LPAREN -> "'('";
      case FilterLexer.RPAREN -> "')'";
      case FilterLexer.COMMA -> "','";
      default -> FilterLexer.VOCABULARY.getSymbolicName(type);
    };
  }
}
