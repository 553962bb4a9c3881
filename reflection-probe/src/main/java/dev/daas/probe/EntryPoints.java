package dev.daas.probe;

import java.lang.reflect.Method;

/** Tracks the entry point of the current thread: an HTTP request or the main program. */
public final class EntryPoints {
  private static final ThreadLocal<EntryPoint> CURRENT = new ThreadLocal<EntryPoint>();
  /** The accessors of the request class seen last: a container has one, so no map, no key. */
  private static volatile RequestAccessors accessors;
  private static volatile EntryPoint mainEntryPoint = EntryPoint.main(ProbeInfo.mainClass());

  private EntryPoints() {}

  /** Called when a servlet starts serving; true when this call opened the entry point. */
  public static boolean enterHttp(Object request) {
    try {
      if (CURRENT.get() != null || request == null) {
        return false;
      }
      RequestAccessors a = accessors;
      if (a == null || a.type != request.getClass()) {
        a = new RequestAccessors(request.getClass());
        accessors = a;
      }
      String method = (String) a.method.invoke(request);
      String servletPath = (String) a.servletPath.invoke(request);
      String pathInfo = (String) a.pathInfo.invoke(request);
      String route = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
      if (route.isEmpty()) {
        route = "/";
      }
      CURRENT.set(EntryPoint.http(method, routeTemplate(route)));
      return true;
    } catch (Throwable t) {
      AgentLog.warn("cannot read the servlet request", t);
      return false;
    }
  }

  /** A Spring MVC or JAX-RS handler refines the route of the request it serves. */
  public static boolean enterRoute(String verb, String route) {
    try {
      EntryPoint current = CURRENT.get();
      if (current != null && current.isHttp()) {
        CURRENT.set(EntryPoint.http(verb.isEmpty() ? current.method : verb, route));
        return false;
      }
      CURRENT.set(EntryPoint.http(verb.isEmpty() ? "ANY" : verb, route));
      return true;
    } catch (Throwable t) {
      AgentLog.warn("cannot record a handler route", t);
      return false;
    }
  }

  public static void exitHttp(boolean opened) {
    if (opened) {
      CURRENT.remove();
    }
  }

  static EntryPoint current() {
    EntryPoint entryPoint = CURRENT.get();
    return entryPoint != null ? entryPoint : mainEntryPoint;
  }

  /** Numeric and UUID-like path segments become {id} so routes stay few. */
  static String routeTemplate(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0 || path.startsWith("/")) {
        if (!(out.length() == 0 && segment.isEmpty())) {
          out.append('/');
        }
      }
      out.append(isIdentifierValue(segment) ? "{id}" : segment);
    }
    String result = out.toString();
    return result.isEmpty() ? "/" : result;
  }

  private static boolean isIdentifierValue(String segment) {
    if (segment.isEmpty()) {
      return false;
    }
    boolean digits = true;
    boolean hexOrDash = segment.length() >= 16;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      digits &= c >= '0' && c <= '9';
      hexOrDash &= Character.digit(c, 16) >= 0 || c == '-';
    }
    return digits || hexOrDash;
  }

  /** {@code getMethod}, {@code getServletPath} and {@code getPathInfo} of one request class. */
  private static final class RequestAccessors {
    final Class<?> type;
    final Method method;
    final Method servletPath;
    final Method pathInfo;

    RequestAccessors(Class<?> type) throws NoSuchMethodException {
      this.type = type;
      this.method = findPublic(type, "getMethod");
      this.servletPath = findPublic(type, "getServletPath");
      this.pathInfo = findPublic(type, "getPathInfo");
    }
  }

  /** Looks the method up on a public interface so containers' non-public classes work. */
  private static Method findPublic(Class<?> type, String name) throws NoSuchMethodException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> itf : c.getInterfaces()) {
        Method m = findOnInterface(itf, name);
        if (m != null) {
          return m;
        }
      }
    }
    return type.getMethod(name);
  }

  private static Method findOnInterface(Class<?> itf, String name) {
    try {
      if (java.lang.reflect.Modifier.isPublic(itf.getModifiers())) {
        return itf.getMethod(name);
      }
    } catch (NoSuchMethodException ignored) {
      // try the super-interfaces
    }
    for (Class<?> parent : itf.getInterfaces()) {
      Method m = findOnInterface(parent, name);
      if (m != null) {
        return m;
      }
    }
    return null;
  }
}
