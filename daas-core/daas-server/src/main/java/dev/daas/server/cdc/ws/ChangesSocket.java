package dev.daas.server.cdc.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.gateway.policy.Authorization;
import dev.daas.server.cdc.ChangeHub;
import dev.daas.server.cdc.ChangeSubscriber;
import dev.daas.server.cdc.ChangeView;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;

/**
 * Change streams over WebSocket: {@code /api/v1/{source}/{entity}/changes/ws?after=N}, the same
 * stream as the SSE one ({@code .../changes}) with the same checks ({@link ChangesSocketCheck}),
 * policy ({@link ChangeView}), resume from the change log and cut-off of slow subscribers ({@link
 * ChangeSubscriber}). The server only sends; messages from the client are ignored.
 */
@WebSocket(path = "/api/v1/{source}/{entity}/changes/ws", endpointId = ChangesSocket.ID)
public class ChangesSocket {
  static final String ID = "daas-changes";
  private static final UserData.TypedKey<ChangeSubscriber> SUBSCRIBER =
      new UserData.TypedKey<>("daas.subscriber");

  @Inject ChangeHub hub;
  @Inject ObjectMapper json;

  @OnOpen
  void open(WebSocketConnection connection) {
    UserData data = connection.userData();
    Authorization authorization = data.get(ChangesSocketCheck.AUTHORIZATION);
    long sourceId = data.get(ChangesSocketCheck.SOURCE_ID);
    String source = connection.pathParam("source");
    String entity = connection.pathParam("entity");
    ChangeSubscriber subscriber =
        hub.open(
            source,
            sourceId,
            entity,
            data.get(ChangesSocketCheck.AFTER),
            new SocketSink(connection, json),
            authorization);
    data.put(SUBSCRIBER, subscriber);
  }

  @OnClose
  void close(WebSocketConnection connection) {
    ChangeSubscriber subscriber = connection.userData().get(SUBSCRIBER);
    if (subscriber != null) {
      hub.unsubscribe(subscriber);
    }
  }
}
