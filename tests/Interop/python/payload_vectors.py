"""Cross-SDK payload vectors: what the Python SDK's default data converter writes, checked against PHP.

    python3 payload_vectors.py write FILE   writes one vector per case (see CASES) as JSON
    python3 payload_vectors.py check FILE   decodes every vector of FILE (written by another SDK) to the
                                            expected value and re-encodes it byte-identically; prints
                                            "ok NAME" per vector, exits 1 on the first mismatch

File format: {"vectors": [{"name": str, "payload": {"metadata": {key: base64}, "data": base64}}]}.
Protobuf cases encode temporal.api.common.v1.WorkflowExecution; the "codec" case is the json/plain payload
of CODEC_VALUE run through XorCodec (the serialized Payload, each byte XOR 0x5A, encoding "binary/xor-test"),
which the PHP tests implement the same way.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
from typing import Any, Callable, Sequence

from temporalio.api.common.v1 import Payload, WorkflowExecution
from temporalio.converter import (
    BinaryProtoPayloadConverter,
    DataConverter,
    DefaultPayloadConverter,
    JSONProtoPayloadConverter,
    PayloadCodec,
)

XOR_KEY = 0x5A
XOR_ENCODING = b"binary/xor-test"
CODEC_VALUE = "secret ✓"


class XorCodec(PayloadCodec):
    """The deterministic test codec, the same as tests/Interop/XorCodec.php."""

    async def encode(self, payloads: Sequence[Payload]) -> list[Payload]:
        return [
            Payload(metadata={"encoding": XOR_ENCODING}, data=_xor(p.SerializeToString()))
            for p in payloads
        ]

    async def decode(self, payloads: Sequence[Payload]) -> list[Payload]:
        decoded = []
        for p in payloads:
            if p.metadata.get("encoding") != XOR_ENCODING:
                decoded.append(p)
                continue
            inner = Payload()
            inner.ParseFromString(_xor(p.data))
            decoded.append(inner)
        return decoded


def _xor(data: bytes) -> bytes:
    return bytes(b ^ XOR_KEY for b in data)


EXECUTION = WorkflowExecution(workflow_id="wf-ü/1", run_id="run-1")
DEFAULT = DefaultPayloadConverter()
WITH_CODEC = DataConverter(payload_codec=XorCodec())

# name -> (expected value, type hint for decoding, encoder of the expected value)
CASES: dict[str, tuple[Any, Any, Callable[[Any], Payload]]] = {
    "null": (None, None, lambda v: DEFAULT.to_payloads([v])[0]),
    "bytes": (b"\x00\x01\x7f\x80\xfe\xff", bytes, lambda v: DEFAULT.to_payloads([v])[0]),
    "string_non_ascii": ("héllo wörld ✓ 😀 \"q\" a/b", str, lambda v: DEFAULT.to_payloads([v])[0]),
    "int64_max": (9223372036854775807, int, lambda v: DEFAULT.to_payloads([v])[0]),
    "int64_min": (-9223372036854775808, int, lambda v: DEFAULT.to_payloads([v])[0]),
    "float": (-1234.5625, float, lambda v: DEFAULT.to_payloads([v])[0]),
    "bool": (True, bool, lambda v: DEFAULT.to_payloads([v])[0]),
    "empty_list": ([], list, lambda v: DEFAULT.to_payloads([v])[0]),
    "empty_map": ({}, dict, lambda v: DEFAULT.to_payloads([v])[0]),
    "nested_object": (
        {"id": "o-1", "items": [{"qty": 2, "sku": "a"}, {"qty": 1, "sku": "b"}], "meta": {"gift": False, "note": None}},
        dict,
        lambda v: DEFAULT.to_payloads([v])[0],
    ),
    "proto_json": (EXECUTION, WorkflowExecution, lambda v: JSONProtoPayloadConverter().to_payload(v)),
    "proto_binary": (EXECUTION, WorkflowExecution, lambda v: BinaryProtoPayloadConverter().to_payload(v)),
    "codec": (CODEC_VALUE, str, lambda v: asyncio.run(WITH_CODEC.encode([v]))[0]),
}


def payload_to_json(payload: Payload) -> dict[str, Any]:
    return {
        "metadata": {k: base64.b64encode(v).decode() for k, v in sorted(payload.metadata.items())},
        "data": base64.b64encode(payload.data).decode(),
    }


def payload_from_json(doc: dict[str, Any]) -> Payload:
    metadata = {k: base64.b64decode(v) for k, v in doc["metadata"].items()}
    return Payload(metadata=metadata, data=base64.b64decode(doc["data"]))


def decode(name: str, payload: Payload, hint: Any) -> Any:
    if name == "codec":
        return asyncio.run(WITH_CODEC.decode([payload], [hint]))[0]
    return DEFAULT.from_payloads([payload], [hint] if hint is not None else None)[0]


def write(path: str) -> None:
    vectors = [{"name": name, "payload": payload_to_json(encode(value))} for name, (value, _, encode) in CASES.items()]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"vectors": vectors}, f, indent=2)
        f.write("\n")


def check(path: str) -> int:
    with open(path, encoding="utf-8") as f:
        vectors = {v["name"]: payload_from_json(v["payload"]) for v in json.load(f)["vectors"]}
    missing = sorted(set(CASES) - set(vectors))
    if missing:
        print(f"missing vectors: {missing}")
        return 1
    for name, (expected, hint, encode) in CASES.items():
        payload = vectors[name]
        value = decode(name, payload, hint)
        if value != expected or type(value) is not type(expected):
            print(f"FAIL {name}: decoded {value!r}, expected {expected!r}")
            return 1
        again = encode(value)
        if dict(again.metadata) != dict(payload.metadata) or again.data != payload.data:
            print(f"FAIL {name}: re-encoded {payload_to_json(again)}, file has {payload_to_json(payload)}")
            return 1
        print(f"ok {name}")
    return 0


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "check"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    if sys.argv[1] == "write":
        write(sys.argv[2])
        sys.exit(0)
    sys.exit(check(sys.argv[2]))


if __name__ == "__main__":
    main()
