package dev.daas.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the server as a problem document; nothing internal leaks into it. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @Context UriInfo uri;

  @ServerExceptionMapper
  public Response daas(DaasException e) {
    if (e.code().status() >= 500) {
      LOG.warnf("%s on %s: %s", e.code(), path(), e.getMessage());
    }
    return Problem.response(e.code(), e.getMessage(), path(), e.details());
  }

  @ServerExceptionMapper
  public Response unknownProperty(UnrecognizedPropertyException e) {
    return Problem.response(
        ErrorCode.VALIDATION_FAILED,
        "Unknown field '" + e.getPropertyName() + "'; accepted: " + e.getKnownPropertyIds(),
        path(),
        Map.of("field", e.getPropertyName()));
  }

  /**
   * A member of the wrong JSON type ({@code "enabled": "yes"}). Quarkus maps this exception to a
   * bare 400 of its own unless we do; the answer names the member and the expected type, not the
   * value sent.
   */
  @ServerExceptionMapper
  public Response wrongType(MismatchedInputException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownProperty(unknown);
    }
    String field =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    Class<?> target = e.getTargetType();
    String expected = target == null ? "another JSON type" : expectedType(target);
    return Problem.response(
        ErrorCode.VALIDATION_FAILED,
        field.isEmpty()
            ? "The request body has the wrong JSON type for this endpoint; expected " + expected
            : "Field '" + field + "' must be " + expected,
        path(),
        field.isEmpty() ? Map.of() : Map.of("field", field));
  }

  private static String expectedType(Class<?> target) {
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
      return "a number";
    }
    if (target == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "an array";
    }
    return "an object";
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e) {
    var location = e.getLocation();
    return Problem.response(
        ErrorCode.VALIDATION_FAILED,
        "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage(),
        path(),
        location == null
            ? Map.of()
            : Map.of("line", location.getLineNr(), "column", location.getColumnNr()));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return Problem.response(ErrorCode.NOT_FOUND, "No resource at this path", path(), Map.of());
  }

  @ServerExceptionMapper
  public Response notAllowed(NotAllowedException e) {
    Response problem =
        Problem.response(
            ErrorCode.VALIDATION_FAILED, "This method is not allowed here", path(), Map.of());
    return Response.fromResponse(problem)
        .status(405)
        .header("Allow", String.join(", ", e.getResponse().getAllowedMethods()))
        .build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e);
    }
    Response problem =
        Problem.response(ErrorCode.VALIDATION_FAILED, e.getMessage(), path(), Map.of());
    return Response.fromResponse(problem).status(status).build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected error %s on %s", incident, path());
    return Problem.response(
        ErrorCode.INTERNAL,
        "An unexpected error occurred; quote incident " + incident + " to the operator",
        path(),
        Map.of("incident", incident));
  }

  private String path() {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
