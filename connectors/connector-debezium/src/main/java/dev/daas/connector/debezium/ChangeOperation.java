package dev.daas.connector.debezium;

/** What happened to a row. */
public enum ChangeOperation {
  CREATE,
  UPDATE,
  DELETE,
  /** A row read by the initial snapshot, not a change. */
  READ,
  /** The whole table was emptied (PostgreSQL only); the event has no key and no images. */
  TRUNCATE;

  /** The operation of Debezium's {@code op} field: c, u, d, r, t. */
  public static ChangeOperation fromDebezium(String op) {
    return switch (op) {
      case "c" -> CREATE;
      case "u" -> UPDATE;
      case "d" -> DELETE;
      case "r" -> READ;
      case "t" -> TRUNCATE;
      default -> throw new IllegalArgumentException("unknown Debezium operation '" + op + "'");
    };
  }
}
