package org.springframework.web.bind.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Test stand-in for the Spring MVC annotation of the same name; the agent reads it by name. */
@Retention(RetentionPolicy.RUNTIME)
public @interface GetMapping {
  String[] value() default {};

  String[] path() default {};
}
