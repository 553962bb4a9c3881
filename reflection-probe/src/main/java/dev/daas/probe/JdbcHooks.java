package dev.daas.probe;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Called by advice inlined into JDBC drivers. Every public method catches everything: nothing the
 * agent does may reach the application.
 */
public final class JdbcHooks {
  private static final ThreadLocal<Object[]> LAST_RESULT_SET = new ThreadLocal<Object[]>() {
    @Override
    protected Object[] initialValue() {
      return new Object[2];
    }
  };
  private static final ThreadLocal<int[]> DEPTH =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[1];
        }
      };
  private static final WeakIdentityMap<DbInfo> CONNECTIONS = new WeakIdentityMap<DbInfo>();
  private static final WeakIdentityMap<StatementState> STATEMENTS = new WeakIdentityMap<StatementState>();
  private static final WeakIdentityMap<ResultSetState> RESULT_SETS = new WeakIdentityMap<ResultSetState>();
  private static final ConcurrentHashMap<String, String> TEMPLATES = new ConcurrentHashMap<String, String>();
  private static final int MAX_CACHED_TEMPLATES = 4096;
  private static final int MAX_CACHED_SQL_CHARS = 4096;

  static volatile Aggregator aggregator;
  static volatile CallSites callSites;

  private JdbcHooks() {}

  static void install(Aggregator agg, CallSites sites) {
    callSites = sites;
    aggregator = agg;
  }

  static void stop() {
    aggregator = null;
  }

  /** Value sampling, switched by the server per source: SQL texts with their literals kept. */
  static volatile boolean sampleValues;

  static boolean active() {
    return aggregator != null;
  }

  public static void prepared(Object connection, Object sql, Object statement) {
    if (aggregator == null || !(sql instanceof String) || statement == null) {
      return;
    }
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      StatementState state = new StatementState();
      state.template = templateOf((String) sql);
      state.database = databaseOf(connection);
      if (sampleValues && !state.template.equals(sql)) {
        state.sampleSql = (String) sql;
      }
      STATEMENTS.put(statement, state);
    } catch (Throwable t) {
      AgentLog.warn("cannot record a prepared statement", t);
    } finally {
      depth[0]--;
    }
  }

  /** Start of an execution: the start time when outermost, -1 when nested in another one. */
  public static long enter() {
    try {
      int[] depth = DEPTH.get();
      return ++depth[0] == 1 && aggregator != null ? System.nanoTime() : -1L;
    } catch (Throwable t) {
      return -1L;
    }
  }

  public static void exit(Object statement, Object[] args, String method, long start, Object result, Throwable thrown) {
    long micros = start < 0 ? 0 : (System.nanoTime() - start) / 1000L;
    int[] depth = null;
    try {
      depth = DEPTH.get();
      if (start < 0 || aggregator == null) {
        return;
      }
      String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : null;
      StatementState state = STATEMENTS.get(statement);
      if (method.startsWith("executeBatch") || method.startsWith("executeLargeBatch")) {
        recordBatch(statement, state, micros, result, thrown);
        return;
      }
      String template;
      DbInfo database;
      if (sql != null) {
        template = templateOf(sql);
        if (state == null) {
          state = new StatementState();
          state.database = databaseOf(connectionOf(statement));
          STATEMENTS.put(statement, state);
        }
        database = state.database;
      } else if (state != null && state.template != null) {
        template = state.template;
        database = state.database;
      } else {
        return;
      }
      long rows = 0;
      if (result instanceof Number) {
        rows = ((Number) result).longValue();
      } else if (Boolean.FALSE.equals(result) && thrown == null) {
        rows = ((Statement) statement).getUpdateCount();
      }
      StatementAggregate aggregate = aggregateFor(template, database);
      if (aggregate == null) {
        return;
      }
      aggregate.record(micros, thrown != null, Math.max(rows, 0));
      state.lastAggregate = aggregate;
      if (sampleValues) {
        String literalSql = sql != null ? sql : state.sampleSql;
        if (literalSql != null && !literalSql.equals(template)) {
          aggregator.sample(aggregate, literalSql);
        }
      }
      if (result instanceof ResultSet) {
        RESULT_SETS.put(result, new ResultSetState(aggregate));
        LAST_RESULT_SET.get()[0] = null;
      }
    } catch (Throwable t) {
      AgentLog.warn("cannot record a statement execution", t);
    } finally {
      if (depth != null) {
        depth[0]--;
      }
    }
  }

  public static void addBatch(Object statement, Object[] args) {
    if (aggregator == null) {
      return;
    }
    try {
      StatementState state = STATEMENTS.get(statement);
      if (state == null) {
        state = new StatementState();
        STATEMENTS.put(statement, state);
      }
      synchronized (state) {
        if (args != null && args.length > 0 && args[0] instanceof String) {
          if (state.batchSql == null) {
            state.batchSql = new ArrayList<String>();
          }
          if (state.batchSql.size() < 10_000) {
            state.batchSql.add((String) args[0]);
          }
        }
      }
    } catch (Throwable t) {
      AgentLog.warn("cannot record addBatch", t);
    }
  }

  public static void resultSetOf(Object statement, Object resultSet) {
    try {
      if (aggregator == null || resultSet == null) {
        return;
      }
      StatementState state = STATEMENTS.get(statement);
      if (state != null && state.lastAggregate != null && RESULT_SETS.get(resultSet) == null) {
        RESULT_SETS.put(resultSet, new ResultSetState(state.lastAggregate));
        LAST_RESULT_SET.get()[0] = null;
      }
    } catch (Throwable t) {
      AgentLog.warn("cannot record a result set", t);
    }
  }

  public static void next(Object resultSet, boolean hasRow) {
    try {
      if (hasRow && aggregator != null) {
        ResultSetState state = resultSetState(resultSet);
        if (state != null) {
          state.aggregate.addRows(1);
        }
      }
    } catch (Throwable t) {
      AgentLog.warn("cannot count a row", t);
    }
  }

  public static void columnRead(Object resultSet, Object column) {
    int[] depth = null;
    try {
      if (aggregator == null) {
        return;
      }
      depth = DEPTH.get();
      if (depth[0] > 0) {
        depth = null;
        return;
      }
      depth[0]++;
      ResultSetState state = resultSetState(resultSet);
      if (state == null) {
        return;
      }
      if (column instanceof String) {
        state.aggregate.columnRead((String) column);
      } else if (column instanceof Integer) {
        int index = (Integer) column;
        if (index > 0 && index < 1024 && !state.seen(index)) {
          state.aggregate.columnRead(((ResultSet) resultSet).getMetaData().getColumnLabel(index));
        }
      }
    } catch (Throwable t) {
      AgentLog.warn("cannot record a column read", t);
    } finally {
      if (depth != null) {
        depth[0]--;
      }
    }
  }

  private static void recordBatch(Object statement, StatementState state, long micros, Object result, Throwable thrown)
      throws Exception {
    if (state == null) {
      return;
    }
    long[] counts = updateCounts(result);
    List<String> sqls;
    synchronized (state) {
      sqls = state.batchSql;
      state.batchSql = null;
    }
    if (sqls == null || sqls.isEmpty()) {
      if (state.template == null) {
        return;
      }
      long rows = 0;
      for (long c : counts) {
        rows += Math.max(c, 0);
      }
      StatementAggregate aggregate = aggregateFor(state.template, state.database);
      if (aggregate != null) {
        aggregate.record(micros, thrown != null, rows);
      }
      return;
    }
    if (state.database == null) {
      state.database = databaseOf(connectionOf(statement));
    }
    long share = micros / sqls.size();
    for (int i = 0; i < sqls.size(); i++) {
      StatementAggregate aggregate = aggregateFor(templateOf(sqls.get(i)), state.database);
      if (aggregate != null) {
        aggregate.record(share, thrown != null, i < counts.length ? Math.max(counts[i], 0) : 0);
      }
    }
  }

  private static long[] updateCounts(Object result) {
    if (result instanceof int[]) {
      int[] ints = (int[]) result;
      long[] counts = new long[ints.length];
      for (int i = 0; i < ints.length; i++) {
        counts[i] = ints[i];
      }
      return counts;
    }
    return result instanceof long[] ? (long[]) result : new long[0];
  }

  private static StatementAggregate aggregateFor(String template, DbInfo database) {
    Aggregator agg = aggregator;
    if (agg == null) {
      return null;
    }
    StatementKey key =
        new StatementKey(template, SqlTemplates.operation(template),
            database == null ? DbInfo.UNKNOWN : database, callSites.current(), EntryPoints.current());
    return agg.aggregateFor(key);
  }

  /**
   * The state of a result set. Rows and columns are read one result set at a time per thread, so
   * the last one is remembered per thread (weakly) and the shared map is asked once per result set,
   * not once per row and column.
   */
  private static ResultSetState resultSetState(Object resultSet) {
    Object[] last = LAST_RESULT_SET.get();
    java.lang.ref.WeakReference<?> ref = (java.lang.ref.WeakReference<?>) last[0];
    if (ref != null && ref.get() == resultSet) {
      return (ResultSetState) last[1];
    }
    ResultSetState state = RESULT_SETS.get(resultSet);
    last[0] = new java.lang.ref.WeakReference<Object>(resultSet);
    last[1] = state;
    return state;
  }

  static String templateOf(String sql) {
    String cached = TEMPLATES.get(sql);
    if (cached != null) {
      return cached;
    }
    String template = SqlTemplates.normalise(sql);
    if (sql.length() <= MAX_CACHED_SQL_CHARS) {
      if (TEMPLATES.size() >= MAX_CACHED_TEMPLATES) {
        TEMPLATES.clear();
      }
      TEMPLATES.put(sql, template);
    }
    return template;
  }

  private static Object connectionOf(Object statement) {
    try {
      return ((Statement) statement).getConnection();
    } catch (Throwable t) {
      return null;
    }
  }

  private static DbInfo databaseOf(Object connection) {
    if (!(connection instanceof Connection)) {
      return DbInfo.UNKNOWN;
    }
    DbInfo cached = CONNECTIONS.get(connection);
    if (cached != null) {
      return cached;
    }
    DbInfo info;
    try {
      DatabaseMetaData meta = ((Connection) connection).getMetaData();
      info = new DbInfo(meta.getDatabaseProductName(), meta.getURL(), meta.getUserName());
    } catch (Throwable t) {
      AgentLog.warn("cannot read database metadata", t);
      info = DbInfo.UNKNOWN;
    }
    CONNECTIONS.put(connection, info);
    return info;
  }

  /** What the agent remembers about a statement object. */
  static final class StatementState {
    volatile String template;
    volatile DbInfo database;
    volatile StatementAggregate lastAggregate;
    volatile String sampleSql;
    List<String> batchSql;
  }

  /** The aggregate whose rows and columns a result set counts. */
  static final class ResultSetState {
    final StatementAggregate aggregate;
    private volatile long seenColumns;

    ResultSetState(StatementAggregate aggregate) {
      this.aggregate = aggregate;
    }

    /** True when the column index was already mapped to its label (first 63 columns). */
    boolean seen(int index) {
      if (index >= 64) {
        return false;
      }
      long bit = 1L << index;
      boolean before = (seenColumns & bit) != 0;
      seenColumns |= bit;
      return before;
    }
  }
}
