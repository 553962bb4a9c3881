package dev.daas.probe;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/** Entry point of the Java agent, for {@code -javaagent} and for attaching to a running JVM. */
public final class ProbeAgent {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private ProbeAgent() {}

  public static void premain(String argument, Instrumentation instrumentation) {
    start(argument, instrumentation, "launch");
  }

  public static void agentmain(String argument, Instrumentation instrumentation) {
    start(argument, instrumentation, "dynamic");
  }

  private static void start(String argument, Instrumentation instrumentation, String attach) {
    try {
      ProbeOptions options = ProbeOptions.parse(argument);
      AgentLog.configure(options.log);
      if (!options.enabled) {
        AgentLog.info("disabled by option enabled=false; nothing is instrumented");
        return;
      }
      if (!STARTED.compareAndSet(false, true)) {
        AgentLog.info("already running in this JVM; the second start is ignored");
        return;
      }
      if (!options.canSend()) {
        AgentLog.warn("options server, source and token are required; the probe stays off", null);
        return;
      }
      long now = System.currentTimeMillis();
      Aggregator aggregator = new Aggregator(options.maxMemoryBytes);
      aggregator.failForTesting = options.failForTesting;
      CallSites callSites = new CallSites(options.include, options.exclude);
      BatchWriter.Probe probe = new BatchWriter.Probe();
      probe.id = UUID.randomUUID().toString();
      probe.pid = ProbeInfo.pid();
      probe.host = ProbeInfo.host();
      probe.jvm = ProbeInfo.jvm();
      probe.application = ProbeInfo.mainClass();
      probe.startedAtMillis = startTime(now);
      probe.attachedAtMillis = now;
      probe.attach = attach;
      Sender sender = new Sender(options, aggregator, callSites, probe, instrumentation);
      JpaMappings.sink = sender.mappings;
      JpaMappings.aggregator = aggregator;
      JdbcHooks.install(aggregator, callSites);
      long begin = System.nanoTime();
      instrument(instrumentation, attach.equals("dynamic"));
      sender.start();
      AgentLog.info("started (" + attach + ", " + (System.nanoTime() - begin) / 1_000_000
          + " ms) reporting to " + options.server + " for source " + options.source);
    } catch (Throwable t) {
      AgentLog.warn("could not start; the application runs without the probe", t);
    }
  }

  private static long startTime(long fallback) {
    try {
      return java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    } catch (Throwable t) {
      return fallback;
    }
  }

  private static void instrument(Instrumentation instrumentation, boolean dynamic) {
    ElementMatcher.Junction<MethodDescription> concrete = not(isAbstract()).and(isPublic());
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        // at launch nothing of interest is loaded yet: skip walking the loaded classes
        .with(dynamic ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
            : AgentBuilder.RedefinitionStrategy.DISABLED)
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
        .with(new ErrorListener())
        .ignore(nameStartsWith("dev.daas.probe.")
            .or(nameStartsWith("net.bytebuddy."))
            .or(nameStartsWith("java."))
            .or(nameStartsWith("jdk."))
            .or(nameStartsWith("sun."))
            .or(nameStartsWith("com.sun."))
            .or(isSynthetic()))
        .type(not(isInterface()).and(hasSuperType(named("java.sql.Connection"))))
        .transform(advice(Advices.Prepare.class, concrete
            .and(named("prepareStatement").or(named("prepareCall")))
            .and(takesArgument(0, String.class))))
        .type(not(isInterface()).and(hasSuperType(named("java.sql.Statement"))))
        .transform(advice(Advices.Execute.class, concrete
            .and(named("execute").or(named("executeQuery")).or(named("executeUpdate"))
                .or(named("executeLargeUpdate")).or(named("executeBatch"))
                .or(named("executeLargeBatch")))))
        .transform(advice(Advices.AddBatch.class, concrete.and(named("addBatch"))))
        .transform(advice(Advices.GetResultSet.class,
            concrete.and(named("getResultSet")).and(takesArguments(0))))
        .type(not(isInterface()).and(hasSuperType(named("java.sql.ResultSet"))))
        .transform(advice(Advices.Next.class,
            concrete.and(named("next")).and(takesArguments(0)).and(returns(boolean.class))))
        .transform(advice(Advices.ColumnRead.class, concrete
            .and(nameStartsWith("get")).and(takesArguments(1))
            .and(takesArgument(0, String.class).or(takesArgument(0, int.class)))))
        .type(not(isInterface()).and(hasSuperType(named("javax.servlet.http.HttpServlet")
            .or(named("jakarta.servlet.http.HttpServlet")))))
        .transform(advice(Advices.Servlet.class,
            not(isAbstract()).and(named("service")).and(takesArguments(2))))
        .type(not(isInterface()).and(declaresMethod(isAnnotatedWith(
                nameStartsWith("org.springframework.web.bind.annotation.").and(nameEndsWith("Mapping"))))
            .or(isAnnotatedWith(named("javax.ws.rs.Path").or(named("jakarta.ws.rs.Path"))))))
        .transform(new AgentBuilder.Transformer() {
          @Override
          public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
              ClassLoader loader, JavaModule module, ProtectionDomain domain) {
            for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
              String[] route = Routes.of(type, method);
              if (route != null && !method.isAbstract()) {
                builder = builder.visit(Advice.withCustomMapping()
                    .bind(Routes.Verb.class, route[0])
                    .bind(Routes.Template.class, route[1])
                    .to(Advices.Route.class)
                    .on(is(method)));
              }
            }
            return builder;
          }
        })
        .type(isAnnotatedWith(named("javax.persistence.Entity"))
            .or(isAnnotatedWith(named("jakarta.persistence.Entity"))))
        .transform(new AgentBuilder.Transformer() {
          @Override
          public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
              ClassLoader loader, JavaModule module, ProtectionDomain domain) {
            JpaMappings.found(type);
            return builder;
          }
        })
        .installOn(instrumentation);
  }

  private static AgentBuilder.Transformer advice(final Class<?> adviceClass,
      final ElementMatcher<? super MethodDescription> methods) {
    final Advice advice = Advice.to(adviceClass);
    return new AgentBuilder.Transformer() {
      @Override
      public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
          ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder.visit(advice.on(methods));
      }
    };
  }

  /** Instrumentation failures are the agent's business: logged, never thrown. */
  private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      AgentLog.warn("cannot instrument " + typeName, error);
    }
  }
}
