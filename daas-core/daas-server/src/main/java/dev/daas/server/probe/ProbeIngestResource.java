package dev.daas.server.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Where probes send their batches (docs/probe-protocol.md). Outside {@code /admin}: probes run on
 * other hosts, and the source's probe token authenticates them instead.
 */
@Path("/probe/v1/batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ProbeIngestResource {
  /** The protocol's cap on a batch, counted after decompression. */
  static final int MAX_BODY = 8 * 1024 * 1024;

  @Inject ProbeService probes;
  @Inject ObjectMapper json;

  @POST
  public Map<String, Object> receive(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("Content-Encoding") String encoding,
      InputStream body)
      throws IOException {
    byte[] bytes = read(body, encoding);
    JsonNode root = json.readTree(bytes);
    if (root == null || !root.isObject()) {
      ProbeBatchParser.parse(root);
    }
    String source = ProbeBatchParser.source(root);
    if (!probes.authenticates(source, bearer(authorization))) {
      throw new DaasException(
          ErrorCode.UNAUTHORIZED,
          "The probe token is missing or is not the one of the batch's source; POST"
              + " /admin/v1/sources/{name}/probe-token issues one");
    }
    ProbeService.Outcome outcome = probes.ingest(ProbeBatchParser.parse(root));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("accepted", true);
    response.put("duplicate", outcome.duplicate());
    response.put("enabled", outcome.enabled());
    response.put("valueSampling", outcome.valueSampling());
    response.put("sendIntervalSeconds", outcome.sendIntervalSeconds());
    return response;
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  private static byte[] read(InputStream body, String encoding) {
    String coding = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
    if (!coding.equals("gzip") && !coding.equals("identity")) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "Content-Encoding " + coding + " is not accepted; send gzip or no encoding",
          Map.of("header", "Content-Encoding"));
    }
    if (body == null) {
      throw new DaasException(ErrorCode.VALIDATION_FAILED, "The request body is empty");
    }
    try (InputStream in = coding.equals("gzip") ? new GZIPInputStream(body) : body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + n > MAX_BODY) {
          throw new DaasException(
              ErrorCode.PAYLOAD_TOO_LARGE,
              "The batch is larger than " + MAX_BODY + " bytes uncompressed; send smaller batches");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "The request body is not readable as " + coding + ": " + e.getClass().getSimpleName(),
          Map.of("header", "Content-Encoding"));
    }
  }
}
