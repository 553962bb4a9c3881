package dev.daas.server.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Queries of the probe evidence tables (V2). Callers own the transactions. */
@ApplicationScoped
public class ProbeStore {
  @Inject EntityManager em;

  public Optional<ProbeSettingsRecord> settings(long sourceId) {
    return Optional.ofNullable(em.find(ProbeSettingsRecord.class, sourceId));
  }

  public void persist(Object record) {
    em.persist(record);
  }

  public Optional<ProbeInstanceRecord> instance(String probeId) {
    return em.createQuery("from ProbeInstanceRecord where probeId = :id", ProbeInstanceRecord.class)
        .setParameter("id", probeId)
        .getResultStream()
        .findFirst();
  }

  public List<ProbeInstanceRecord> instances() {
    return em.createQuery(
            "from ProbeInstanceRecord order by lastSeen desc, id", ProbeInstanceRecord.class)
        .getResultList();
  }

  /** Records the batch's sequence; false when it was stored before. */
  public boolean recordSequence(long instanceId, long sequence, Instant now) {
    Number seen =
        (Number)
            em.createNativeQuery(
                    "select count(*) from probe_batch where probe_instance_id = ?1 and"
                        + " batch_sequence = ?2")
                .setParameter(1, instanceId)
                .setParameter(2, sequence)
                .getSingleResult();
    if (seen.longValue() > 0) {
      return false;
    }
    em.createNativeQuery(
            "insert into probe_batch (probe_instance_id, batch_sequence, received_at) values (?1,"
                + " ?2, ?3)")
        .setParameter(1, instanceId)
        .setParameter(2, sequence)
        .setParameter(3, now)
        .executeUpdate();
    return true;
  }

  public Optional<StatementEvidenceRecord> evidence(long sourceId, String evidenceKey) {
    return em.createQuery(
            "from StatementEvidenceRecord where sourceId = :s and evidenceKey = :k",
            StatementEvidenceRecord.class)
        .setParameter("s", sourceId)
        .setParameter("k", evidenceKey)
        .getResultStream()
        .findFirst();
  }

  public List<StatementEvidenceRecord> evidence(long sourceId) {
    return em.createQuery(
            "from StatementEvidenceRecord where sourceId = :s order by id",
            StatementEvidenceRecord.class)
        .setParameter("s", sourceId)
        .getResultList();
  }

  public Optional<OrmMappingRecord> mapping(long sourceId, String kind, String className) {
    return em.createQuery(
            "from OrmMappingRecord where sourceId = :s and kind = :k and className = :c",
            OrmMappingRecord.class)
        .setParameter("s", sourceId)
        .setParameter("k", kind)
        .setParameter("c", className)
        .getResultStream()
        .findFirst();
  }

  public List<OrmMappingRecord> mappings(long sourceId) {
    return em.createQuery(
            "from OrmMappingRecord where sourceId = :s order by className", OrmMappingRecord.class)
        .setParameter("s", sourceId)
        .getResultList();
  }
}
