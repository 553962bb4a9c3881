package dev.daas.probe;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Advice inlined into JDBC and servlet classes; each delegates to a hook that never throws. */
final class Advices {
  private Advices() {}

  static final class Prepare {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.This Object connection,
        @Advice.Argument(0) Object sql,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object statement) {
      JdbcHooks.prepared(connection, sql, statement);
    }
  }

  static final class Execute {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return JdbcHooks.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.This Object statement,
        @Advice.AllArguments Object[] args,
        @Advice.Origin("#m") String method,
        @Advice.Enter long start,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable thrown) {
      JdbcHooks.exit(statement, args, method, start, result, thrown);
    }
  }

  static final class AddBatch {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object statement, @Advice.AllArguments Object[] args) {
      JdbcHooks.addBatch(statement, args);
    }
  }

  static final class GetResultSet {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.This Object statement,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object resultSet) {
      JdbcHooks.resultSetOf(statement, resultSet);
    }
  }

  static final class Next {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object resultSet, @Advice.Return boolean hasRow) {
      JdbcHooks.next(resultSet, hasRow);
    }
  }

  static final class ColumnRead {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.This Object resultSet,
        @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object column) {
      JdbcHooks.columnRead(resultSet, column);
    }
  }

  static final class Route {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Routes.Verb String verb, @Routes.Template String route) {
      return EntryPoints.enterRoute(verb, route);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean opened) {
      EntryPoints.exitHttp(opened);
    }
  }

  static final class Servlet {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(0) Object request) {
      return EntryPoints.enterHttp(request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean opened) {
      EntryPoints.exitHttp(opened);
    }
  }
}
