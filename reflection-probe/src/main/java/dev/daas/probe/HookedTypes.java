package dev.daas.probe;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The JDBC and servlet hooks. The agent matches a loaded class once against all {@link #ROOTS};
 * this transformer then applies the hooks of each root the class really extends, so the common
 * case (a class that is none of these) costs one walk up its hierarchy instead of one per hook.
 */
final class HookedTypes implements AgentBuilder.Transformer {
  static final String[] ROOTS = {
    "java.sql.Connection",
    "java.sql.Statement",
    "java.sql.ResultSet",
    "javax.servlet.http.HttpServlet",
    "jakarta.servlet.http.HttpServlet"
  };

  private final AgentBuilder.Transformer connection;
  private final AgentBuilder.Transformer execute;
  private final AgentBuilder.Transformer addBatch;
  private final AgentBuilder.Transformer getResultSet;
  private final AgentBuilder.Transformer next;
  private final AgentBuilder.Transformer columnRead;
  private final AgentBuilder.Transformer servlet;

  HookedTypes(ElementMatcher.Junction<MethodDescription> concrete) {
    connection = ProbeAgent.advice(Advices.Prepare.class, concrete
        .and(named("prepareStatement").or(named("prepareCall")))
        .and(takesArgument(0, String.class)));
    execute = ProbeAgent.advice(Advices.Execute.class, concrete
        .and(named("execute").or(named("executeQuery")).or(named("executeUpdate"))
            .or(named("executeLargeUpdate")).or(named("executeBatch"))
            .or(named("executeLargeBatch"))));
    addBatch = ProbeAgent.advice(Advices.AddBatch.class, concrete.and(named("addBatch")));
    getResultSet = ProbeAgent.advice(Advices.GetResultSet.class,
        concrete.and(named("getResultSet")).and(takesArguments(0)));
    next = ProbeAgent.advice(Advices.Next.class,
        concrete.and(named("next")).and(takesArguments(0)).and(returns(boolean.class)));
    columnRead = ProbeAgent.advice(Advices.ColumnRead.class, concrete
        .and(nameStartsWith("get")).and(takesArguments(1))
        .and(takesArgument(0, String.class).or(takesArgument(0, int.class))));
    servlet = ProbeAgent.advice(Advices.Servlet.class,
        not(isAbstract()).and(named("service")).and(takesArguments(2)));
  }

  @Override
  public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
      ClassLoader loader, JavaModule module, ProtectionDomain domain) {
    if (is(type, "java.sql.Connection")) {
      builder = connection.transform(builder, type, loader, module, domain);
    }
    if (is(type, "java.sql.Statement")) {
      builder = execute.transform(builder, type, loader, module, domain);
      builder = addBatch.transform(builder, type, loader, module, domain);
      builder = getResultSet.transform(builder, type, loader, module, domain);
    }
    if (is(type, "java.sql.ResultSet")) {
      builder = next.transform(builder, type, loader, module, domain);
      builder = columnRead.transform(builder, type, loader, module, domain);
    }
    if (is(type, "javax.servlet.http.HttpServlet") || is(type, "jakarta.servlet.http.HttpServlet")) {
      builder = servlet.transform(builder, type, loader, module, domain);
    }
    return builder;
  }

  private static boolean is(TypeDescription type, String root) {
    return hasSuperType(named(root)).matches(type);
  }
}
