package javax.ws.rs;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Test stand-in for the JAX-RS annotation; the agent reads it by name. */
@Retention(RetentionPolicy.RUNTIME)
public @interface GET {}
