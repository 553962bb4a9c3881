package dev.daas.it;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rows of {@code T_CUST} computed in Java with the formulas of the fixtures, so that tests know
 * exactly which rows a filter or a sort must return.
 */
record LegacyCustomer(
    long id,
    String name,
    String status,
    String kind,
    BigDecimal creditLimit,
    Double rating,
    boolean active,
    LocalDate birthDate,
    int smallNumber,
    String notes,
    LocalDateTime created) {

  static final int COUNT = 3000;
  static final List<LegacyCustomer> ALL = generate();

  static List<Long> idsWhere(Predicate<LegacyCustomer> predicate) {
    return ALL.stream().filter(predicate).map(LegacyCustomer::id).toList();
  }

  /** Ids in the order of the comparator, then ascending id, as the API makes every order total. */
  static List<Long> idsSortedBy(Comparator<LegacyCustomer> order) {
    return ALL.stream()
        .sorted(order.thenComparing(LegacyCustomer::id))
        .map(LegacyCustomer::id)
        .toList();
  }

  /** Nulls sort as greater than every value: last ascending, first descending. */
  static <T extends Comparable<T>> Comparator<T> ascendingNullsLast() {
    return Comparator.nullsLast(Comparator.<T>naturalOrder());
  }

  private static List<LegacyCustomer> generate() {
    List<LegacyCustomer> rows = new ArrayList<>();
    rows.add(
        new LegacyCustomer(
            1,
            "Rheinmetall Legacy",
            "A",
            "wholesale",
            new BigDecimal("12345678901234567890.1234567890"),
            4.5,
            true,
            LocalDate.of(1980, 2, 29),
            7,
            "O'Brien 100% _special_",
            LocalDateTime.of(2024, 1, 31, 13, 45)));
    for (int i = 2; i <= COUNT; i++) {
      rows.add(
          new LegacyCustomer(
              i,
              String.format("Customer %04d", i % 1000),
              List.of("A", "I", "B").get(i % 3),
              List.of("retail", "wholesale", "internal").get(i % 3),
              i % 7 == 0 ? null : new BigDecimal((i % 50) * 1000).add(new BigDecimal("0.5")),
              i % 11 == 0 ? null : (i % 10) / 2.0,
              i % 4 != 0,
              i % 13 == 0 ? null : LocalDate.of(1950, 1, 1).plusDays((i * 7L) % 18000),
              i % 100,
              i % 3 == 0 ? null : "note " + i,
              LocalDateTime.of(2020, 1, 1, 0, 0).plusHours(i)));
    }
    return List.copyOf(rows);
  }
}
