package dev.daas.model.connector;

import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.QueryResult;

/**
 * Executes a plan: the only stage of the request pipeline that touches a database. Identifiers come
 * from the plan's model elements; every value is a bound parameter.
 */
public interface QueryExecutor {
  /**
   * @throws dev.daas.model.error.DaasException with {@code SOURCE_UNAVAILABLE} when the database
   *     cannot be reached, {@code QUERY_TIMEOUT} when the statement ran out of time, {@code
   *     SOURCE_ERROR} when the database rejected the statement
   */
  QueryResult execute(QueryPlan plan);
}
