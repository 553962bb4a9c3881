package com.acme.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** Composite key of BEST_POS: (BEST_NR, POS_NR). */
@Embeddable
public class BestPosId implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "BEST_NR")
  public Long bestNr;

  @Column(name = "POS_NR")
  public Integer posNr;

  public BestPosId() {}

  public BestPosId(Long bestNr, Integer posNr) {
    this.bestNr = bestNr;
    this.posNr = posNr;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BestPosId other
        && Objects.equals(bestNr, other.bestNr)
        && Objects.equals(posNr, other.posNr);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bestNr, posNr);
  }
}
