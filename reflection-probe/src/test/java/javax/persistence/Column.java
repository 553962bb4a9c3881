package javax.persistence;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Test stand-in for the JPA annotation of the same name; the agent reads annotations by name. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Column {
  String name() default "";
}
