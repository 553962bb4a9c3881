package dev.daas.server.recovery;

import java.util.List;

/**
 * What a recovery used and found, beside the model it produced.
 *
 * @param probeStatements statement aggregates the probes reported
 * @param statisticStatements statements read from the database's own statistics
 * @param statisticsUnavailable why the database's statistics could not be read, or null
 * @param ormMappings ORM mappings with a table that the probes reported
 * @param parsedStatements statements whose SQL was analysed (of all templates)
 * @param unparsedStatements statements recovery could not analyse, by reason
 * @param checksRun bounded data checks that ran on the source
 * @param checksSkipped checks left out because the budget (count or time) was spent
 * @param inferredKeys primary keys inferred for tables that declare none
 * @param inferredRelationships relationships inferred above the threshold (in the model)
 * @param candidates relationships below the threshold and not confirmed, strongest first
 * @param curationEntries curation entries applied to the recovered model
 * @param curationIssues entries that did not apply (stale, conflicting, superseded) and why
 * @param pii attributes curation marked as personal data ({@code entity.attribute})
 */
public record RecoverySummary(
    int probeStatements,
    int statisticStatements,
    String statisticsUnavailable,
    int ormMappings,
    int parsedStatements,
    java.util.Map<String, Long> unparsedStatements,
    int checksRun,
    int checksSkipped,
    int inferredKeys,
    int inferredRelationships,
    List<Candidate> candidates,
    int curationEntries,
    List<CurationIssue> curationIssues,
    List<String> pii) {

  /** A curation entry (by its index in the list) that did not apply, and why. */
  public record CurationIssue(int index, String type, String outcome, String reason) {}

  /** An inferred relationship that did not reach the threshold. */
  public record Candidate(
      String from,
      List<String> fromAttributes,
      String to,
      List<String> toAttributes,
      double confidence) {}
}
