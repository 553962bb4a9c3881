package dev.daas.probe;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Reflective reads of framework objects the agent does not link against (MyBatis, Hibernate).
 * Every call answers null instead of throwing: a missing method in another version of the
 * framework, or a failing getter, only costs the value.
 */
final class Reflect {
  private Reflect() {}

  /** The result of the public no-argument method, or null. */
  static Object call(Object target, String name) {
    return call(target, name, null, null);
  }

  /** The result of the public method taking one argument of the type (none when type is null), or null. */
  static Object call(Object target, String name, Class<?> type, Object argument) {
    if (target == null) {
      return null;
    }
    try {
      Method method = type == null ? target.getClass().getMethod(name) : target.getClass().getMethod(name, type);
      if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
        method.setAccessible(true);
      }
      return type == null ? method.invoke(target) : method.invoke(target, argument);
    } catch (Throwable t) {
      return null;
    }
  }

  /** The value of the field declared by the class or a superclass, or null. */
  static Object field(Object target, String name) {
    for (Class<?> c = target == null ? null : target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (Throwable t) {
        return null;
      }
    }
    return null;
  }

  static String string(Object value) {
    return value instanceof String ? (String) value : null;
  }

  static boolean bool(Object value) {
    return value instanceof Boolean && (Boolean) value;
  }

  static String[] strings(Object value) {
    return value instanceof String[] ? (String[]) value : new String[0];
  }

  /** A class's name, or the string form of anything else; null stays null. */
  static String name(Object value) {
    return value instanceof Class ? ((Class<?>) value).getName() : value == null ? null : String.valueOf(value);
  }
}
