package dev.daas.apigen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void turnsSnakeCaseAndCrypticNamesIntoPascalCase() {
    assertThat(Names.pascalCase("order_line")).isEqualTo("OrderLine");
    assertThat(Names.pascalCase("T_CUST")).isEqualTo("TCust");
    assertThat(Names.pascalCase("orderLine")).isEqualTo("OrderLine");
    assertThat(Names.pascalCase("my table-2")).isEqualTo("MyTable2");
  }

  @Test
  void prefixesNamesThatWouldNotStartWithALetter() {
    assertThat(Names.pascalCase("9lives")).isEqualTo("E9lives");
    assertThat(Names.pascalCase("___")).isEqualTo("E");
    assertThat(Names.pascalCase("ümlaut")).isEqualTo("Mlaut");
  }

  @Test
  void percentEncodesAllButUnreservedCharactersInPathSegments() {
    assertThat(Names.pathSegment("order_line")).isEqualTo("order_line");
    assertThat(Names.pathSegment("my table")).isEqualTo("my%20table");
    assertThat(Names.pathSegment("a/{b}")).isEqualTo("a%2F%7Bb%7D");
    assertThat(Names.pathSegment("ü")).isEqualTo("%C3%BC");
  }

  @Test
  void numbersNamesThatDifferOnlyInCaseFromOnesHandedOutBefore() {
    UniqueNames names = new UniqueNames();
    names.reserve("Page");

    assertThat(names.allocate("Customer")).isEqualTo("Customer");
    assertThat(names.allocate("customer")).isEqualTo("customer2");
    assertThat(names.allocate("Customer")).isEqualTo("Customer3");
    assertThat(names.allocate("PAGE")).isEqualTo("PAGE2");
  }
}
