#!/usr/bin/env python3
"""Receives what the agents send during the overhead benchmark and throws it away.

Probe batches (POST /probe/v1/batches) get the answer of docs/probe-protocol.md; OTLP exports
(POST /v1/traces, /v1/metrics, /v1/logs) get an empty 200, which is an empty protobuf response.
Usage: sink.py PORT
"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROBE_ANSWER = (b'{"accepted":true,"duplicate":false,"enabled":true,'
                b'"valueSampling":false,"sendIntervalSeconds":5}')


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        probe = self.path.startswith("/probe/")
        body = PROBE_ANSWER if probe else b""
        self.send_response(200)
        self.send_header("Content-Type", "application/json" if probe else "application/x-protobuf")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
