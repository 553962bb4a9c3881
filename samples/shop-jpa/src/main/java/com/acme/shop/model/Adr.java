package com.acme.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Adresse of a customer; ADR_ART: R Rechnung, L Lieferung. */
@Entity
@Table(name = "ADR")
public class Adr {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "ADR_NR")
  public Long nr;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "KND_NR", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
  public Knd knd;

  @Column(name = "ADR_ART", columnDefinition = "char(1)")
  public String art;

  @Column(name = "ADR_STR", length = 80)
  public String str;

  @Column(name = "ADR_PLZ", length = 10)
  public String plz;

  @Column(name = "ADR_ORT", length = 40)
  public String ort;
}
