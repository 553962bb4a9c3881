package com.acme.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Artikel (product). ART_STS: V verkaufbar, X ausgelistet. */
@Entity
@Table(name = "ART")
public class Art {
  @Id
  @Column(name = "ART_NR")
  public Integer nr;

  @Column(name = "ART_BEZ", length = 60)
  public String bez;

  @Column(name = "ART_PRS", precision = 10, scale = 2)
  public BigDecimal prs;

  @Column(name = "ART_STS", columnDefinition = "char(1)")
  public String sts;
}
