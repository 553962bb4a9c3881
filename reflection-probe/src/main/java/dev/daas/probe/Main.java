package dev.daas.probe;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/** Command line: {@code attach <pid> [options]} and {@code list}, through the Attach API. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("attach")) {
      attach(args[1], args.length > 2 ? args[2] : "");
    } else if (args.length == 1 && args[0].equals("list")) {
      list();
    } else {
      System.err.println("usage: java -jar reflection-probe.jar attach <pid> [server=...,source=...,token=...]");
      System.err.println("       java -jar reflection-probe.jar list");
      System.exit(2);
    }
  }

  private static void attach(String pid, String options) throws Exception {
    Class<?> vmClass = attachApi();
    Object vm = vmClass.getMethod("attach", String.class).invoke(null, pid);
    try {
      vmClass.getMethod("loadAgent", String.class, String.class).invoke(vm, agentJar(), options);
      System.out.println("attached the probe to " + pid);
    } finally {
      vmClass.getMethod("detach").invoke(vm);
    }
  }

  private static void list() throws Exception {
    Class<?> vmClass = attachApi();
    List<?> descriptors = (List<?>) vmClass.getMethod("list").invoke(null);
    for (Object d : descriptors) {
      Method id = d.getClass().getMethod("id");
      Method name = d.getClass().getMethod("displayName");
      id.setAccessible(true);
      name.setAccessible(true);
      System.out.println(id.invoke(d) + "\t" + name.invoke(d));
    }
  }

  private static String agentJar() throws Exception {
    return new File(ProbeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getAbsolutePath();
  }

  /** On Java 9+ the Attach API is a module; on Java 8 it lives in the JDK's tools.jar. */
  private static Class<?> attachApi() throws Exception {
    String name = "com.sun.tools.attach.VirtualMachine";
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      File tools = new File(System.getProperty("java.home"), "../lib/tools.jar");
      if (!tools.isFile()) {
        throw new IllegalStateException("the Attach API is missing: run this with a JDK, not a JRE");
      }
      URLClassLoader loader = new URLClassLoader(new URL[] {tools.toURI().toURL()}, null);
      return Class.forName(name, true, loader);
    }
  }
}
