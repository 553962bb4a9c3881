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
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/** Entry point of the Java agent, for {@code -javaagent} and for attaching to a running JVM. */
public final class ProbeAgent {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /** Parsed type descriptions per class loader; emptied by the sender each interval (bounded). */
  static final ConcurrentMap<ClassLoader, TypePool.CacheProvider> TYPE_CACHE =
      new ConcurrentHashMap<ClassLoader, TypePool.CacheProvider>();

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
      Installer installer =
          new Installer(instrumentation, options, attach, System.currentTimeMillis());
      if (options.installAsync(attach)) {
        // The host's own start-up must not wait for ByteBuddy: instrument from a daemon thread,
        // retransforming what the host loaded meanwhile (docs/probe-protocol.md, option install).
        Thread thread = new Thread(installer, "daas-probe-install");
        thread.setDaemon(true);
        thread.start();
      } else {
        installer.run();
      }
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

  /**
   * Sets the probe up (JMX, host name and ByteBuddy are slow to load), installs the
   * transformations, then starts sending; never throws.
   */
  private static final class Installer implements Runnable {
    private final Instrumentation instrumentation;
    private final ProbeOptions options;
    private final String attach;
    private final long attachedAtMillis;

    Installer(Instrumentation instrumentation, ProbeOptions options, String attach,
        long attachedAtMillis) {
      this.instrumentation = instrumentation;
      this.options = options;
      this.attach = attach;
      this.attachedAtMillis = attachedAtMillis;
    }

    @Override
    public void run() {
      try {
        long begin = System.nanoTime();
        boolean async = options.installAsync(attach);
        Aggregator aggregator = new Aggregator(options.maxMemoryBytes);
        aggregator.failForTesting = options.failForTesting;
        CallSites callSites = new CallSites(options.include, options.exclude);
        BatchWriter.Probe probe = new BatchWriter.Probe();
        probe.id = UUID.randomUUID().toString();
        probe.pid = ProbeInfo.pid();
        probe.host = ProbeInfo.host();
        probe.jvm = ProbeInfo.jvm();
        probe.application = ProbeInfo.mainClass();
        probe.startedAtMillis = startTime(attachedAtMillis);
        probe.attachedAtMillis = attachedAtMillis;
        probe.attach = attach;
        Sender sender = new Sender(options, aggregator, callSites, probe, instrumentation);
        JpaMappings.sink = sender.mappings;
        JpaMappings.aggregator = aggregator;
        JdbcHooks.install(aggregator, callSites);
        boolean retransform = async || attach.equals("dynamic");
        instrument(instrumentation, retransform);
        sender.start();
        AgentLog.info("instrumented (" + attach + ", " + (async ? "async" : "sync")
            + ", " + (System.nanoTime() - begin) / 1_000_000 + " ms) reporting to "
            + options.server + " for source " + options.source);
      } catch (Throwable t) {
        AgentLog.warn("could not instrument; the application runs without the probe", t);
      }
    }
  }

  private static void instrument(Instrumentation instrumentation, boolean retransform) {
    ElementMatcher.Junction<MethodDescription> concrete = not(isAbstract()).and(isPublic());
    AgentBuilder b = new AgentBuilder.Default()
        .disableClassFormatChanges()
        // a synchronous launch has loaded nothing of interest yet: skip walking the loaded classes
        .with(retransform ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
            : AgentBuilder.RedefinitionStrategy.DISABLED)
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
        // Super types (Object, framework base classes) are parsed once, not once per loaded class.
        .with(new AgentBuilder.PoolStrategy.WithTypePoolCache.Simple(TYPE_CACHE))
        .with(new ErrorListener())
        .ignore(nameStartsWith("dev.daas.probe.")
            .or(nameStartsWith("net.bytebuddy."))
            .or(nameStartsWith("java."))
            .or(nameStartsWith("jdk."))
            .or(nameStartsWith("sun."))
            .or(nameStartsWith("com.sun."))
            .or(isSynthetic()))
        // One walk up the hierarchy per loaded class for all JDBC and servlet hooks; which hooks
        // apply is decided for the few classes that match (HookedTypes).
        .type(not(isInterface()).and(hasSuperType(namedOneOf(HookedTypes.ROOTS))))
        .transform(new HookedTypes(concrete))
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
        });
    // ORM capture beyond JPA annotations: MyBatis and the Hibernate metamodel (OrmAdvices)
    b = OrmAdvices.register(b);
    b.installOn(instrumentation);
  }

  static AgentBuilder.Transformer advice(final Class<?> adviceClass,
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
