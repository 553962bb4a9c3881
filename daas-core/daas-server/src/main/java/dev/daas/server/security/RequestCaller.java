package dev.daas.server.security;

import dev.daas.gateway.policy.Caller;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request and what the audit log needs to know of it. */
@RequestScoped
public class RequestCaller {
  private Caller caller;
  private Integer rows;

  void set(Caller caller) {
    this.caller = caller;
  }

  /** The caller; the security filter has refused requests without one before they get here. */
  public Caller require() {
    if (caller == null) {
      throw new DaasException(ErrorCode.UNAUTHORIZED, "authentication is required");
    }
    return caller;
  }

  public Caller orNull() {
    return caller;
  }

  /** How many rows the request returned, for the audit log. */
  public void rows(int rows) {
    this.rows = rows;
  }

  public Integer rows() {
    return rows;
  }
}
