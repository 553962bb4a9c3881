package dev.daas.probe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

/** Route templates of Spring MVC handlers and JAX-RS resources, read from their annotations. */
final class Routes {
  private static final String SPRING = "org.springframework.web.bind.annotation.";
  private static final String[] VERBS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};

  /** Binds the route template into the advice. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @interface Template {}

  /** Binds the HTTP method (empty: take the request's) into the advice. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @interface Verb {}

  private Routes() {}

  /** {method, route} of a handler method, or null when it is none. */
  static String[] of(TypeDescription type, MethodDescription method) {
    AnnotationList methodAnnotations = method.getDeclaredAnnotations();
    for (AnnotationDescription a : methodAnnotations) {
      String name = a.getAnnotationType().getName();
      if (name.startsWith(SPRING) && name.endsWith("Mapping")) {
        String simple = a.getAnnotationType().getSimpleName();
        String verb = simple.equals("RequestMapping") ? "" : simple.replace("Mapping", "").toUpperCase();
        String prefix = "";
        for (AnnotationDescription c : type.getDeclaredAnnotations()) {
          if (c.getAnnotationType().getName().equals(SPRING + "RequestMapping")) {
            prefix = firstPath(c);
          }
        }
        return new String[] {verb, join(prefix, firstPath(a))};
      }
    }
    String classPath = jaxRsPath(type.getDeclaredAnnotations());
    String methodPath = jaxRsPath(methodAnnotations);
    String verb = null;
    for (AnnotationDescription a : methodAnnotations) {
      String name = a.getAnnotationType().getName();
      for (String v : VERBS) {
        if (name.equals("javax.ws.rs." + v) || name.equals("jakarta.ws.rs." + v)) {
          verb = v;
        }
      }
    }
    if (classPath == null || (verb == null && methodPath == null)) {
      return null;
    }
    return new String[] {verb == null ? "" : verb, join(classPath, methodPath == null ? "" : methodPath)};
  }

  private static String jaxRsPath(AnnotationList annotations) {
    for (AnnotationDescription a : annotations) {
      String name = a.getAnnotationType().getName();
      if (name.equals("javax.ws.rs.Path") || name.equals("jakarta.ws.rs.Path")) {
        Object value = a.getValue("value").resolve();
        return value instanceof String ? (String) value : "";
      }
    }
    return null;
  }

  private static String firstPath(AnnotationDescription a) {
    for (String property : new String[] {"value", "path"}) {
      try {
        Object value = a.getValue(property).resolve();
        if (value instanceof String[] && ((String[]) value).length > 0) {
          return ((String[]) value)[0];
        }
      } catch (RuntimeException ignored) {
        // the stand-in or an old version may lack the property
      }
    }
    return "";
  }

  static String join(String prefix, String path) {
    String a = prefix == null ? "" : prefix.trim();
    String b = path == null ? "" : path.trim();
    String joined = (a.startsWith("/") || a.isEmpty() ? a : "/" + a);
    if (!b.isEmpty()) {
      if (joined.endsWith("/")) {
        joined = joined.substring(0, joined.length() - 1);
      }
      joined += b.startsWith("/") ? b : "/" + b;
    }
    return joined.isEmpty() ? "/" : joined;
  }
}
