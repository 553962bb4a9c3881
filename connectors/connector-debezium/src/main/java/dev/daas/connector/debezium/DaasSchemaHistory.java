package dev.daas.connector.debezium;

import io.debezium.config.Configuration;
import io.debezium.document.DocumentReader;
import io.debezium.document.DocumentWriter;
import io.debezium.relational.history.AbstractSchemaHistory;
import io.debezium.relational.history.HistoryRecord;
import io.debezium.relational.history.HistoryRecordComparator;
import io.debezium.relational.history.SchemaHistoryException;
import io.debezium.relational.history.SchemaHistoryListener;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Debezium's schema history (MariaDB/MySQL DDL seen so far) kept in an {@link OffsetStore}. Named
 * in the {@code schema.history.internal} property; finds its store through {@link StoreRegistry}.
 */
public final class DaasSchemaHistory extends AbstractSchemaHistory {
  private final DocumentWriter writer = DocumentWriter.defaultWriter();
  private final DocumentReader reader = DocumentReader.defaultReader();
  private StoreRegistry.Binding binding;

  @Override
  public void configure(
      Configuration config,
      HistoryRecordComparator comparator,
      SchemaHistoryListener listener,
      boolean useCatalogBeforeSchema) {
    super.configure(config, comparator, listener, useCatalogBeforeSchema);
    binding = StoreRegistry.lookup(config.getString(StoreRegistry.HISTORY_BINDING_KEY));
  }

  @Override
  protected void storeRecord(HistoryRecord record) throws SchemaHistoryException {
    try {
      binding.store().appendSchemaHistory(binding.source(), writer.write(record.document()));
    } catch (IOException e) {
      throw new SchemaHistoryException("cannot serialise a schema history record", e);
    }
  }

  @Override
  protected void recoverRecords(Consumer<HistoryRecord> records) {
    for (String text : binding.store().loadSchemaHistory(binding.source())) {
      try {
        records.accept(new HistoryRecord(reader.read(text)));
      } catch (IOException e) {
        throw new SchemaHistoryException("cannot read a stored schema history record", e);
      }
    }
  }

  @Override
  public boolean storageExists() {
    return true;
  }

  @Override
  public boolean exists() {
    return !binding.store().loadSchemaHistory(binding.source()).isEmpty();
  }

  @Override
  public String toString() {
    return "daas offset store";
  }
}
