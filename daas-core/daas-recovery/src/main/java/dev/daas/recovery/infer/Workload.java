package dev.daas.recovery.infer;

import dev.daas.model.EvidenceChannel;
import dev.daas.recovery.evidence.StatementEvidence;
import dev.daas.recovery.sql.ColumnRef;
import dev.daas.recovery.sql.JoinCondition;
import dev.daas.recovery.sql.StatementAnalysis;
import dev.daas.recovery.sql.StatementAnalyzer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The statements of one source, analysed once per distinct template and aggregated: how often and
 * from how many templates and call sites each join was seen, which literals were compared with
 * which column, and what could not be analysed. Independent of the order of the evidence.
 */
final class Workload {

  /** How a join was seen. */
  static final class JoinStats {
    long executions;
    final Set<Integer> templates = new HashSet<>();
    final Set<String> callSites = new TreeSet<>();
    final Set<EvidenceChannel> channels = EnumSet.noneOf(EvidenceChannel.class);
  }

  /** Unordered: consumers sort what they emit. */
  final Map<JoinCondition, JoinStats> joins = new java.util.HashMap<>();

  final Map<ColumnRef, Set<String>> literals = new TreeMap<>();
  final Map<String, Long> unparsed = new TreeMap<>();
  int templates;
  int skimmed;

  /** Stands for a statement that {@link #singleTable} let through unparsed. */
  private static final StatementAnalysis SKIMMED =
      new StatementAnalysis(
          true, null, List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of());

  private static final java.util.regex.Pattern NUMBER_COMPARED =
      java.util.regex.Pattern.compile("[=<>]\\s*-?\\d");

  /**
   * Whether a template plainly reads or writes one table and compares no literal, so that it can
   * hold neither a join nor a value for a domain: inference skips parsing it, which is most of the
   * cost on large workloads. Conservative: anything with a string literal, a second SELECT, JOIN,
   * USING, NATURAL, a comma in the FROM list, UPDATE ... FROM or a multi-table UPDATE is parsed.
   */
  static boolean singleTable(String sql) {
    String s = sql.strip().toLowerCase(java.util.Locale.ROOT);
    if (s.length() > 2_000
        || s.indexOf('\'') >= 0
        || s.contains("join")
        || s.contains("using")
        || s.contains("natural")
        || NUMBER_COMPARED.matcher(s).find()) {
      return false;
    }
    int selects = s.split("select", -1).length - 1;
    if (s.startsWith("select ")) {
      int from = s.indexOf(" from ");
      if (selects != 1 || from < 0) {
        return false;
      }
      int end = s.length();
      for (String clause : List.of(" where ", " group ", " order ", " limit ", " having ")) {
        int i = s.indexOf(clause, from);
        end = i >= 0 ? Math.min(end, i) : end;
      }
      int comma = s.indexOf(',', from);
      return comma < 0 || comma > end;
    }
    if (selects > 0) {
      return false;
    }
    if (s.startsWith("update ")) {
      int set = s.indexOf(" set ");
      int comma = s.indexOf(',');
      return set > 0 && (comma < 0 || comma > set) && !s.contains(" from ");
    }
    return s.startsWith("insert into ") && s.contains(" values ")
        || s.startsWith("delete from ") && s.indexOf(" from ", 7) < 0 && s.indexOf(',') < 0;
  }

  int parsedTemplates;
  long statements;

  static Workload of(StatementAnalyzer analyzer, List<StatementEvidence> evidence) {
    List<String> distinct =
        evidence.stream().map(StatementEvidence::template).distinct().sorted().toList();
    // Parsing dominates the cost and each template is independent: parse in parallel, aggregate
    // sequentially in template order so the result does not depend on scheduling.
    List<StatementAnalysis> analyses =
        distinct.parallelStream()
            .map(sql -> singleTable(sql) ? SKIMMED : analyzer.analyze(sql))
            .toList();
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      index.put(distinct.get(i), i);
    }
    Workload w = new Workload();
    w.templates = distinct.size();
    for (StatementAnalysis a : analyses) {
      if (a == SKIMMED) {
        w.skimmed++;
      }
      if (a.parsed()) {
        w.parsedTemplates++;
      } else {
        w.unparsed.merge(a.problem().replaceAll(": .*", ""), 1L, Long::sum);
      }
    }
    List<StatementEvidence> sorted = new ArrayList<>(evidence);
    sorted.sort(
        java.util.Comparator.comparing(StatementEvidence::template)
            .thenComparing(e -> String.valueOf(e.callSite()))
            .thenComparing(StatementEvidence::channel));
    for (StatementEvidence e : sorted) {
      int i = index.get(e.template());
      StatementAnalysis a = analyses.get(i);
      w.statements += e.count();
      if (!a.parsed()) {
        continue;
      }
      for (JoinCondition join : a.joins()) {
        JoinStats stats = w.joins.computeIfAbsent(join, j -> new JoinStats());
        stats.executions += e.count();
        stats.templates.add(i);
        if (e.callSite() != null) {
          stats.callSites.add(e.callSite());
        }
        stats.channels.add(e.channel());
      }
      for (StatementAnalysis.Literal literal : a.literals()) {
        w.literals.computeIfAbsent(literal.column(), c -> new TreeSet<>()).add(literal.value());
      }
    }
    return w;
  }
}
