package dev.daas.probe;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Iterator;
import java.util.List;

/**
 * Finds the innermost application frame of the current stack. On Java 9 and later it walks the
 * stack lazily with {@code StackWalker} (found by reflection: the agent is Java 8 bytecode), which
 * stops at the first application frame, usually a few frames below the driver; on Java 8 it takes
 * the whole stack trace, which costs far more per statement.
 */
final class CallSites {
  private static final Object WALKER;
  private static final MethodHandle WALK;
  private static final MethodHandle CLASS_NAME;
  private static final MethodHandle METHOD_NAME;
  private static final MethodHandle LINE_NUMBER;

  static {
    Object walker = null;
    MethodHandle walk = null;
    MethodHandle className = null;
    MethodHandle methodName = null;
    MethodHandle lineNumber = null;
    try {
      Class<?> walkerClass = Class.forName("java.lang.StackWalker");
      Class<?> frameClass = Class.forName("java.lang.StackWalker$StackFrame");
      // walk is caller-sensitive: it needs a full-power lookup, not publicLookup()
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      walker = walkerClass.getMethod("getInstance").invoke(null);
      walk = lookup.findVirtual(walkerClass, "walk",
          MethodType.methodType(Object.class, java.util.function.Function.class));
      className = lookup.findVirtual(frameClass, "getClassName", MethodType.methodType(String.class));
      methodName = lookup.findVirtual(frameClass, "getMethodName", MethodType.methodType(String.class));
      lineNumber = lookup.findVirtual(frameClass, "getLineNumber", MethodType.methodType(int.class));
    } catch (Throwable java8) {
      walker = null;
      if (!System.getProperty("java.specification.version", "1.8").startsWith("1.")) {
        AgentLog.warn("no StackWalker on Java " + System.getProperty("java.version"), java8);
      }
    }
    WALKER = walker;
    WALK = walk;
    CLASS_NAME = className;
    METHOD_NAME = methodName;
    LINE_NUMBER = lineNumber;
  }

  /** Takes the first application frame of the walked stream (a stream of StackFrame). */
  private final java.util.function.Function<java.util.stream.Stream<?>, CallSite> firstApplicationFrame =
      new java.util.function.Function<java.util.stream.Stream<?>, CallSite>() {
        @Override
        public CallSite apply(java.util.stream.Stream<?> frames) {
          try {
            Iterator<?> it = frames.iterator();
            while (it.hasNext()) {
              Object frame = it.next();
              String name = (String) CLASS_NAME.invoke(frame);
              if (isApplication(name)) {
                return new CallSite(name, (String) METHOD_NAME.invoke(frame),
                    (int) LINE_NUMBER.invoke(frame));
              }
            }
            return null;
          } catch (Throwable t) {
            throw new IllegalStateException(t);
          }
        }
      };
  private static final String[] SKIPPED = {
    "java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.", "org.hibernate.", "org.springframework.",
    "org.apache.ibatis.", "org.eclipse.jetty.", "org.apache.catalina.", "org.apache.tomcat.",
    "com.zaxxer.", "org.h2.", "org.postgresql.", "org.mariadb.", "com.mysql.", "io.undertow.",
    "dev.daas.probe."
  };

  private final List<String> include;
  private final List<String> exclude;

  CallSites(List<String> include, List<String> exclude) {
    this.include = include;
    this.exclude = exclude;
  }

  static boolean walksLazily() {
    return WALKER != null;
  }

  CallSite current() {
    if (WALKER != null) {
      try {
        return (CallSite) WALK.invoke(WALKER, firstApplicationFrame);
      } catch (Throwable t) {
        AgentLog.warn("cannot walk the stack; falling back to stack traces", t);
      }
    }
    return fromStackTrace();
  }

  CallSite fromStackTrace() {
    StackTraceElement[] stack = new Throwable().getStackTrace();
    for (StackTraceElement frame : stack) {
      if (isApplication(frame.getClassName())) {
        return new CallSite(frame.getClassName(), frame.getMethodName(), frame.getLineNumber());
      }
    }
    return null;
  }

  boolean isApplication(String className) {
    for (String prefix : exclude) {
      if (className.startsWith(prefix)) {
        return false;
      }
    }
    for (String prefix : include) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    if (!include.isEmpty()) {
      return false;
    }
    for (String prefix : SKIPPED) {
      if (className.startsWith(prefix)) {
        return false;
      }
    }
    // generated proxies and lambdas of frameworks say nothing about the application
    return className.indexOf("$$") < 0 && !className.startsWith("com.fasterxml.");
  }
}
