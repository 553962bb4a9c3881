package dev.daas.probe;

import java.util.List;

/** Finds the innermost application frame of the current stack. */
final class CallSites {
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

  CallSite current() {
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
