package com.acme.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Bestellposition (order line), keyed by order number and position number. */
@Entity
@Table(name = "BEST_POS")
public class BestPos {
  @EmbeddedId public BestPosId id = new BestPosId();

  @MapsId("bestNr")
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "BEST_NR", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
  public Best best;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ART_NR", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
  public Art art;

  @Column(name = "MENGE")
  public Integer menge;

  @Column(name = "POS_PRS", precision = 12, scale = 2)
  public BigDecimal prs;
}
