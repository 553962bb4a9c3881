package dev.daas.connector.debezium;

/**
 * A PostgreSQL table whose changes lack full before images, because its {@code REPLICA IDENTITY} is
 * not {@code FULL}: updates carry no before image, deletes only the key (or nothing).
 *
 * @param table {@code schema.table}
 * @param identity its replica identity: {@code default} (primary key), {@code index}, {@code
 *     nothing}
 * @param hasPrimaryKey whether the table has a primary key (without one, and with identity {@code
 *     default} or {@code nothing}, PostgreSQL rejects updates and deletes once it is published)
 */
public record ReplicaIdentityGap(String table, String identity, boolean hasPrimaryKey) {
  /** The statement that gives the table full before images. */
  public String fixStatement() {
    int dot = table.indexOf('.');
    return "ALTER TABLE "
        + PostgresReplication.quoteIdentifier(table.substring(0, dot))
        + "."
        + PostgresReplication.quoteIdentifier(table.substring(dot + 1))
        + " REPLICA IDENTITY FULL";
  }
}
