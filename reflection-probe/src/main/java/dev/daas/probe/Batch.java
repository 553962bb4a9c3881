package dev.daas.probe;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.text.SimpleDateFormat;
import java.util.TimeZone;

/** One batch to send; a failed one is merged into the next. */
final class Batch {
  long sequence;
  long intervalStartMillis;
  long intervalEndMillis;
  final Map<StatementKey, StatementSnapshot> statements = new LinkedHashMap<StatementKey, StatementSnapshot>();
  final List<String> mappingsJson = new ArrayList<String>();

  void add(StatementSnapshot snapshot) {
    StatementSnapshot existing = statements.get(snapshot.key);
    if (existing == null) {
      statements.put(snapshot.key, snapshot);
    } else {
      existing.merge(snapshot);
    }
  }

  /** Folds an older, unsent batch into this newer one. */
  void absorb(Batch older) {
    intervalStartMillis = Math.min(intervalStartMillis, older.intervalStartMillis);
    for (StatementSnapshot snapshot : older.statements.values()) {
      add(snapshot);
    }
    mappingsJson.addAll(0, older.mappingsJson);
  }

  boolean isEmpty() {
    return statements.isEmpty() && mappingsJson.isEmpty();
  }

  int estimateBytes() {
    int bytes = 0;
    for (StatementKey key : statements.keySet()) {
      bytes += key.estimateBytes();
    }
    for (String m : mappingsJson) {
      bytes += 2 * m.length();
    }
    return bytes;
  }

  static String instant(long millis) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(new Date(millis));
  }
}
