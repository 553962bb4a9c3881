package dev.daas.server.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Queries of the metadata store. Callers own the transactions. */
@ApplicationScoped
public class MetadataStore {
  @Inject EntityManager em;

  public List<SourceRecord> sources() {
    return em.createQuery("from SourceRecord order by name", SourceRecord.class).getResultList();
  }

  public Optional<SourceRecord> source(String name) {
    return em.createQuery("from SourceRecord where name = :name", SourceRecord.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  public void persist(Object record) {
    em.persist(record);
  }

  public void delete(SourceRecord source) {
    em.createQuery("delete from ModelSnapshotRecord where sourceId = :id")
        .setParameter("id", source.id)
        .executeUpdate();
    em.remove(source);
  }

  public Optional<ModelSnapshotRecord> latestSnapshot(long sourceId) {
    return em.createQuery(
            "from ModelSnapshotRecord where sourceId = :id order by version desc",
            ModelSnapshotRecord.class)
        .setParameter("id", sourceId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public Optional<ModelSnapshotRecord> snapshot(long sourceId, int version) {
    return em.createQuery(
            "from ModelSnapshotRecord where sourceId = :id and version = :version",
            ModelSnapshotRecord.class)
        .setParameter("id", sourceId)
        .setParameter("version", version)
        .getResultStream()
        .findFirst();
  }

  /** Version summaries without the model documents, newest first. */
  public List<SnapshotSummary> snapshotSummaries(long sourceId) {
    return snapshotSummaries(sourceId, Integer.MAX_VALUE);
  }

  public List<SnapshotSummary> snapshotSummaries(long sourceId, int max) {
    return em.createQuery(
            "select new dev.daas.server.store.SnapshotSummary(version, contentHash, formatVersion,"
                + " entityCount, relationshipCount, createdAt) from ModelSnapshotRecord"
                + " where sourceId = :id order by version desc",
            SnapshotSummary.class)
        .setParameter("id", sourceId)
        .setMaxResults(max)
        .getResultList();
  }

  /** The newest version number of a source's model, without loading any document. */
  public Optional<Integer> latestVersion(long sourceId) {
    Integer version =
        em.createQuery(
                "select max(version) from ModelSnapshotRecord where sourceId = :id", Integer.class)
            .setParameter("id", sourceId)
            .getSingleResult();
    return Optional.ofNullable(version);
  }

  public Optional<CurationSetRecord> curation(long sourceId) {
    return Optional.ofNullable(em.find(CurationSetRecord.class, sourceId));
  }

  public Optional<SecretsKeyCheckRecord> keyCheck() {
    return Optional.ofNullable(
        em.find(SecretsKeyCheckRecord.class, SecretsKeyCheckRecord.SINGLETON_ID));
  }
}
