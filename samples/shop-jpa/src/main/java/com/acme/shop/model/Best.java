package com.acme.shop.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Bestellung (order). BEST_STS: O offen, G geliefert, S storniert. */
@Entity
@Table(name = "BEST")
public class Best {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "BEST_NR")
  public Long nr;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "KND_NR", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
  public Knd knd;

  @Column(name = "BEST_DT")
  public LocalDate dt;

  @Column(name = "BEST_STS", columnDefinition = "char(1)")
  public String sts;

  @Column(name = "BEST_SUM", precision = 12, scale = 2)
  public BigDecimal sum;

  @OneToMany(mappedBy = "best", cascade = CascadeType.ALL)
  @OrderBy("id.posNr")
  public List<BestPos> pos = new ArrayList<>();

  @ManyToMany
  @JoinTable(
      name = "BEST_TAG",
      joinColumns = @JoinColumn(name = "BEST_NR"),
      inverseJoinColumns = @JoinColumn(name = "TAG_NR"),
      foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
      inverseForeignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
  public Set<Tag> tags = new LinkedHashSet<>();
}
