package dev.daas.server.api;

import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.parse.RequestParser;
import dev.daas.gateway.plan.PlanLimits;
import dev.daas.gateway.plan.Planner;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.respond.Page;
import dev.daas.gateway.respond.Responder;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.QueryResult;
import dev.daas.server.config.DaasConfig;
import dev.daas.server.ops.SourceMetrics;
import dev.daas.server.security.Authorizations;
import dev.daas.server.security.RequestCaller;
import dev.daas.server.sources.LiveSources;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request pipeline behind every data front end: parse, plan against the source's current model,
 * execute through the source's connector (the only stage that touches a database), respond. The
 * caller's {@link Authorization} is applied in the plan and respond stages.
 */
@ApplicationScoped
public class DataPipeline {
  @Inject LiveSources sources;
  @Inject SourceMetrics metrics;
  @Inject DaasConfig config;
  @Inject RequestCaller caller;
  @Inject Authorizations authorizations;

  private final RequestParser parser = new RequestParser();
  private final Planner planner = new Planner();
  private final Responder responder = new Responder();
  private PlanLimits limits;

  /** A response body and the model version that produced it. */
  public record Answer(Object body, int modelVersion) {}

  @PostConstruct
  void init() {
    limits =
        new PlanLimits(
            config.api().defaultLimit(),
            config.api().maxLimit(),
            config.api().maxEmbedDepth(),
            config.api().maxEmbeddedRows(),
            config.api().queryTimeout());
  }

  public Answer list(String source, String entity, Map<String, List<String>> parameters) {
    return run(source, entity, null, parameters);
  }

  public Answer byKey(
      String source, String entity, String rawKey, Map<String, List<String>> parameters) {
    return run(source, entity, rawKey, parameters);
  }

  private Answer run(
      String source, String entity, String rawKey, Map<String, List<String>> parameters) {
    long started = System.nanoTime();
    LiveSources.Live live;
    try {
      live = sources.get(source);
    } catch (DaasException e) {
      if (e.code() != ErrorCode.UNKNOWN_SOURCE) {
        metrics.request(source, e.code().status(), e.code().slug(), System.nanoTime() - started);
      }
      throw e;
    }
    try {
      DataRequest request = parser.parse(entity, rawKey, parameters);
      Authorization authorization = authorizations.of(caller.require(), live.model().model());
      QueryPlan plan = planner.plan(live.model().model(), request, limits, authorization);
      QueryResult result = live.connection().queries().execute(plan);
      Object body;
      if (request.byKey()) {
        body = responder.single(request, plan, result, authorization);
        caller.rows(1);
      } else {
        Page page = responder.page(request, plan, result, authorization);
        caller.rows(page.data().size());
        body = pageBody(page);
      }
      metrics.request(source, 200, null, System.nanoTime() - started);
      return new Answer(body, live.model().version());
    } catch (DaasException e) {
      if (e.code() == ErrorCode.SOURCE_UNAVAILABLE) {
        sources.markUnavailable(source);
      }
      metrics.request(source, e.code().status(), e.code().slug(), System.nanoTime() - started);
      throw e;
    } catch (RuntimeException e) {
      metrics.request(source, 500, ErrorCode.INTERNAL.slug(), System.nanoTime() - started);
      throw e;
    }
  }

  private static Map<String, Object> pageBody(Page page) {
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    pageInfo.put("limit", page.limit());
    pageInfo.put("next", page.next());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", page.data());
    body.put("page", pageInfo);
    return body;
  }
}
