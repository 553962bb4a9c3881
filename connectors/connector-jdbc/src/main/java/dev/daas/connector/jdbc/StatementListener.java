package dev.daas.connector.jdbc;

/** Sees every data statement before it runs; tests count round trips with it. */
@FunctionalInterface
interface StatementListener {
  StatementListener NONE = statement -> {};

  void executing(RenderedSql statement);
}
