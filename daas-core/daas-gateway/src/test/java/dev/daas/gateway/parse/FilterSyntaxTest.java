package dev.daas.gateway.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.gateway.parse.FilterExpr.And;
import dev.daas.gateway.parse.FilterExpr.BooleanLiteral;
import dev.daas.gateway.parse.FilterExpr.Comparison;
import dev.daas.gateway.parse.FilterExpr.Field;
import dev.daas.gateway.parse.FilterExpr.InList;
import dev.daas.gateway.parse.FilterExpr.IsNull;
import dev.daas.gateway.parse.FilterExpr.Like;
import dev.daas.gateway.parse.FilterExpr.Not;
import dev.daas.gateway.parse.FilterExpr.NumberLiteral;
import dev.daas.gateway.parse.FilterExpr.Operator;
import dev.daas.gateway.parse.FilterExpr.Or;
import dev.daas.gateway.parse.FilterExpr.StringLiteral;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterSyntaxTest {

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    FilterExpr expr = FilterSyntax.parse("a = 1 OR b = 2 AND NOT c = 3");

    assertThat(expr.canonical()).isEqualTo("(a = 1 OR (b = 2 AND (NOT c = 3)))");
    assertThat(expr).isInstanceOf(Or.class);
    assertThat(((Or) expr).operands().get(1)).isInstanceOf(And.class);
  }

  @Test
  void parenthesesOverridePrecedence() {
    assertThat(FilterSyntax.parse("(a = 1 OR b = 2) AND c = 3").canonical())
        .isEqualTo("((a = 1 OR b = 2) AND c = 3)");
    assertThat(FilterSyntax.parse("NOT (a = 1 OR b = 2)").canonical())
        .isEqualTo("(NOT (a = 1 OR b = 2))");
  }

  @Test
  void keywordsAreCaseInsensitiveButFieldNamesKeepTheirCase() {
    FilterExpr lower = FilterSyntax.parse("C_NM like 'a%' and not C_ID in (1) or C_X is not null");
    FilterExpr mixed = FilterSyntax.parse("C_NM LiKe 'a%' AnD NoT C_ID In (1) oR C_X Is NoT NuLl");

    assertThat(lower.canonical()).isEqualTo(mixed.canonical());
    assertThat(lower.canonical())
        .isEqualTo("((C_NM LIKE 'a%' AND (NOT C_ID IN (1))) OR C_X IS NOT NULL)");
  }

  @Test
  void readsFieldNamesThatStartWithKeywords() {
    assertThat(FilterSyntax.parse("android = 1 AND notes IS NULL OR island IN (1) OR order = 1"))
        .extracting(FilterExpr::canonical)
        .isEqualTo("((android = 1 AND notes IS NULL) OR island IN (1) OR order = 1)");
  }

  @Test
  void recordsFieldAndLiteralPositions() {
    assertThat(FilterSyntax.parse("  C_ID >= 42"))
        .isEqualTo(new Comparison(new Field("C_ID", 2), Operator.GE, new NumberLiteral("42", 10)));
  }

  @ParameterizedTest
  @CsvSource({"=,EQ", "!=,NE", "<>,NE", "<,LT", "<=,LE", ">,GT", ">=,GE"})
  void readsEveryComparisonOperator(String symbol, Operator operator) {
    assertThat(((Comparison) FilterSyntax.parse("a" + symbol + "1")).operator())
        .isEqualTo(operator);
  }

  @Test
  void doubledQuoteEscapesAQuoteInsideAString() {
    assertThat(FilterSyntax.parse("n = 'O''Brien'''"))
        .isEqualTo(
            new Comparison(new Field("n", 0), Operator.EQ, new StringLiteral("O'Brien'", 4)));
    assertThat(((Comparison) FilterSyntax.parse("n = ''")).value())
        .isEqualTo(new StringLiteral("", 4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-12", "3.5", "1e3", "1E-3", "-0.25e+10", "12345678901234567890123"})
  void keepsTheSourceTextOfNumbers(String number) {
    assertThat(((Comparison) FilterSyntax.parse("x = " + number)).value())
        .isEqualTo(new NumberLiteral(number, 4));
  }

  @Test
  void readsBooleansInListsLikeAndNullTests() {
    assertThat(FilterSyntax.parse("a = TRUE"))
        .isEqualTo(new Comparison(new Field("a", 0), Operator.EQ, new BooleanLiteral(true, 4)));
    assertThat(FilterSyntax.parse("a NOT IN ('x', 2, false)"))
        .isEqualTo(
            new InList(
                new Field("a", 0),
                List.of(
                    new StringLiteral("x", 10),
                    new NumberLiteral("2", 15),
                    new BooleanLiteral(false, 18)),
                true));
    assertThat(FilterSyntax.parse("a NOT LIKE 'x\\_%'"))
        .isEqualTo(new Like(new Field("a", 0), new StringLiteral("x\\_%", 11), true));
    assertThat(FilterSyntax.parse("a IS NULL")).isEqualTo(new IsNull(new Field("a", 0), false));
    assertThat(FilterSyntax.parse("NOT NOT a IS NULL"))
        .isEqualTo(new Not(new Not(new IsNull(new Field("a", 8), false))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x' OR '1'='1",
        "'; DROP TABLE t_cust; --",
        "1) OR (1=1",
        "\" OR \"\"=\"",
        "%' UNION SELECT password FROM users --"
      })
  void injectionAttemptsOnlyEverBecomeLiteralValues(String attack) {
    FilterExpr expr = FilterSyntax.parse("C_NM = '" + attack.replace("'", "''") + "'");

    assertThat(expr)
        .isEqualTo(new Comparison(new Field("C_NM", 0), Operator.EQ, new StringLiteral(attack, 7)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C_NM = 'x'; DROP TABLE t_cust",
        "C_NM = 'x' -- comment",
        "\"C_NM\" = 1",
        "C_NM = x' OR '1'='1",
        "C_NM = 1 /* comment */"
      })
  void rejectsSqlThatIsNotPartOfTheGrammar(String text) {
    assertThatThrownBy(() -> FilterSyntax.parse(text))
        .isInstanceOf(DaasException.class)
        .extracting(e -> ((DaasException) e).code())
        .isEqualTo(ErrorCode.MALFORMED_FILTER);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"a = \"|4|end of input",
        "(a = 1|6|end of input",
        "a == 1|3|'='",
        "a in ()|6|')'",
        "a = 1 b = 2|6|'b'",
        "= 1|0|'='",
        "a = 1 AND|9|end of input",
        "a LIKE 5|7|'5'",
        "a IS 1|5|'1'",
        "a = 1)|5|')'",
        "a NOT = 1|6|'='",
        "a = 1 OR OR b = 2|9|'OR'",
        "a IN (1,)|8|')'",
        "a = 1 AND ()|11|')'"
      })
  void reportsThePositionOfTheFirstSyntaxError(String text, int position, String found) {
    assertThatThrownBy(() -> FilterSyntax.parse(text))
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_FILTER);
              assertThat(e.details()).containsEntry("position", position);
              assertThat(e.details()).containsEntry("found", found);
              assertThat(e.details()).containsKey("expected");
              assertThat(e.getMessage()).contains("position " + position);
            });
  }

  @Test
  void saysWhatWasExpectedAfterAnOperator() {
    assertThatThrownBy(() -> FilterSyntax.parse("a = "))
        .isInstanceOfSatisfying(
            DaasException.class,
            e ->
                assertThat(e.details())
                    .containsEntry("expected", "one of TRUE, FALSE, string, number"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {"a = 'abc|4", "a = 'it''s|8", "a ~ 1|2", "a = 1.|5", "a = -|4", "a = .5|4", "|0"})
  void reportsLexicalErrorsAndEmptyInputWithTheirPosition(String text, int position) {
    String filter = text == null ? "" : text;
    assertThatThrownBy(() -> FilterSyntax.parse(filter))
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_FILTER);
              assertThat(e.details()).containsEntry("position", position);
            });
  }

  @Test
  void namesAnUnterminatedString() {
    assertThatThrownBy(() -> FilterSyntax.parse("C_NM = 'abc"))
        .hasMessageContaining("string is not terminated");
  }

  @Test
  void boundsTheLengthOfTheFilter() {
    String longFilter = "a = '" + "x".repeat(FilterSyntax.MAX_LENGTH) + "'";

    assertThatThrownBy(() -> FilterSyntax.parse(longFilter))
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_FILTER);
              assertThat(e.getMessage()).contains("at most 4000");
              assertThat(e.getMessage()).doesNotContain("xxxx");
            });
  }

  @Test
  void boundsTheNestingOfParentheses() {
    String deep = "(".repeat(40) + "a = 1" + ")".repeat(40);

    assertThatThrownBy(() -> FilterSyntax.parse(deep))
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.getMessage()).contains("deeper than 32");
              assertThat(e.details()).containsEntry("position", 32);
            });
    assertThat(FilterSyntax.parse("(".repeat(32) + "a = 1" + ")".repeat(32)).canonical())
        .isEqualTo("a = 1");
  }

  @Test
  void parenthesesInsideStringsDoNotCountAsNesting() {
    String text = "a = '" + "(".repeat(100) + "'";

    assertThat(FilterSyntax.parse(text)).isInstanceOf(Comparison.class);
  }

  @Test
  void boundsTheNestingOfNot() {
    assertThatThrownBy(() -> FilterSyntax.parse("NOT ".repeat(40) + "a = 1"))
        .hasMessageContaining("deeper than 32");
  }

  @Test
  void printsNothingOnSyntaxErrors() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true));
    try {
      for (String text : List.of("a == 1", "a = 'x", "a ~ 1", "(a = 1")) {
        assertThatThrownBy(() -> FilterSyntax.parse(text)).isInstanceOf(DaasException.class);
      }
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString()).isEmpty();
  }
}
