"""An OTLP metrics receiver (gRPC) for OtlpMetricsTest: keeps the latest value of every data point it is sent
(with its resource's attributes) and writes them all to a JSON file after each export, so the test reads what a collector would have.

    python3 otlp_receiver.py OUTPUT_JSON

Prints "listening on 127.0.0.1:PORT" once it serves (a free port).
"""

import json
import os
import sys
from concurrent import futures

import grpc
from opentelemetry.proto.collector.metrics.v1 import metrics_service_pb2, metrics_service_pb2_grpc


def attributes(point):
    return {a.key: a.value.string_value for a in point.attributes}


def points(metric):
    """(attributes, value) per data point; a histogram's value is its count, as the test compares counts."""
    kind = metric.WhichOneof("data")
    if kind == "sum":
        return [(attributes(p), p.as_int or p.as_double) for p in metric.sum.data_points]
    if kind == "gauge":
        return [(attributes(p), p.as_int or p.as_double) for p in metric.gauge.data_points]
    if kind == "histogram":
        return [(attributes(p), p.count) for p in metric.histogram.data_points]
    return []


class Receiver(metrics_service_pb2_grpc.MetricsServiceServicer):
    def __init__(self, output):
        self.output = output
        self.latest = {}

    def Export(self, request, context):
        for resource_metrics in request.resource_metrics:
            resource = attributes(resource_metrics.resource)
            for scope_metrics in resource_metrics.scope_metrics:
                for metric in scope_metrics.metrics:
                    for labels, value in points(metric):
                        key = metric.name + json.dumps(labels, sort_keys=True)
                        self.latest[key] = {"name": metric.name, "attributes": labels, "value": value, "resource": resource}
        partial = self.output + ".partial"
        with open(partial, "w") as f:
            json.dump(list(self.latest.values()), f)
        os.replace(partial, self.output)
        return metrics_service_pb2.ExportMetricsServiceResponse()


def main():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    metrics_service_pb2_grpc.add_MetricsServiceServicer_to_server(Receiver(sys.argv[1]), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(f"listening on 127.0.0.1:{port}", flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
