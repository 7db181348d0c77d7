"""Reads Newswatch alerts with librdkafka (confluent-kafka) and Apache Avro, nothing from Newswatch.

Usage: read_alerts.py BOOTSTRAP REGISTRY_URL TOPIC GROUP EXPECTED [QUIET_SECONDS]

Consumes TOPIC from the beginning with isolation.level=read_committed until EXPECTED records have
arrived, then QUIET_SECONDS more to see that nothing else does. Each value is in the Confluent wire
format (magic byte 0, 4-byte big-endian schema id, Avro binary body); the writer schema is fetched
from the registry's GET /schemas/ids/{id}. Prints one JSON object per record.
"""
import io
import json
import struct
import sys
import time
import urllib.request

import avro.io
import avro.schema
from confluent_kafka import Consumer, KafkaError

bootstrap, registry, topic, group, expected = sys.argv[1:6]
expected = int(expected)
quiet = float(sys.argv[6]) if len(sys.argv) > 6 else 3.0
schemas = {}


def writer_schema(schema_id):
    if schema_id not in schemas:
        with urllib.request.urlopen(f"{registry.rstrip('/')}/schemas/ids/{schema_id}", timeout=10) as r:
            schemas[schema_id] = avro.schema.parse(json.load(r)["schema"])
    return schemas[schema_id]


def decode(value):
    magic, schema_id = struct.unpack(">bI", value[:5])
    if magic != 0:
        raise ValueError(f"not the Confluent wire format: magic byte {magic}")
    schema = writer_schema(schema_id)
    return schema_id, avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(value[5:])))


consumer = Consumer({
    "bootstrap.servers": bootstrap,
    "group.id": group,
    "auto.offset.reset": "earliest",
    "enable.auto.commit": False,
    "isolation.level": "read_committed",
})
consumer.subscribe([topic])
seen = 0
deadline = time.time() + 90
quiet_until = None
try:
    while time.time() < deadline and (quiet_until is None or time.time() < quiet_until):
        msg = consumer.poll(0.5)
        if msg is None:
            continue
        if msg.error():
            if msg.error().code() == KafkaError._PARTITION_EOF:
                continue
            raise SystemExit(f"consumer error: {msg.error()}")
        schema_id, alert = decode(msg.value())
        print(json.dumps({
            "key": msg.key().decode("utf-8"),
            "partition": msg.partition(),
            "offset": msg.offset(),
            "schemaId": schema_id,
            "headers": {k: v.decode("utf-8") for k, v in (msg.headers() or [])},
            "alert": alert,
        }, default=str), flush=True)
        seen += 1
        if seen >= expected and quiet_until is None:
            quiet_until = time.time() + quiet
finally:
    consumer.close()
