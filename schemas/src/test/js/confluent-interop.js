'use strict';
// Interop check driven by ConfluentJsClientInteropIntegrationTest, using Confluent's official JS
// client and Avro serdes against our registry:
//   1. decode a RawArticle that our Java serializer wrote (schema fetched by id from our registry);
//   2. register the RawArticle schema explicitly and serialize a record with useLatestVersion,
//      for our Java deserializer to decode.
// Usage: node confluent-interop.js <input.json>; prints one JSON object on stdout.
const fs = require('fs');
const avro = require('avsc');
const {
  SchemaRegistryClient, SerdeType, AvroSerializer, AvroDeserializer,
} = require('@confluentinc/schemaregistry');

// Maps timestamp-millis to Date, so the test sees that the logical type survives the trip.
class TimestampMillis extends avro.types.LogicalType {
  _fromValue(value) { return new Date(value); }
  _toValue(value) { return value instanceof Date ? value.getTime() : undefined; }
  _resolve(type) {
    if (avro.Type.isType(type, 'long', 'logical:timestamp-millis')) {
      return this._fromValue;
    }
    return undefined;
  }
}

// Dates become {"$date": millis}: JSON has no date type and the test must tell a Date from a number.
function plain(value) {
  if (value instanceof Date) return { $date: value.getTime() };
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

async function main() {
  const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  // No retries: a wrong answer from our registry must fail fast, not be papered over.
  const client = new SchemaRegistryClient({ baseURLs: [input.registryUrl], maxRetries: 0 });
  const avroOptions = { logicalTypes: { 'timestamp-millis': TimestampMillis } };

  // Default subject name strategy: probes /associations first and must fall back to <topic>-value on 404.
  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, { ...avroOptions });
  const decoded = await deserializer.deserialize(input.javaTopic, Buffer.from(input.javaPayload, 'base64'));

  // autoRegisterSchemas would guess a schema from the JS object (no logical types), so register explicitly.
  const jsSchemaId = await client.register(`${input.jsTopic}-value`, { schemaType: 'AVRO', schema: input.schema });
  const serializer = new AvroSerializer(client, SerdeType.VALUE,
    { useLatestVersion: true, autoRegisterSchemas: false, ...avroOptions });
  const payload = await serializer.serialize(input.jsTopic, {
    id: 'js-1',
    url: null,
    canonicalUrl: 'https://example.org/from-js',
    source: { name: 'JS Wire', domain: 'example.org', feedUrl: null, tags: ['js', 'interop'] },
    origin: 'PUSH',
    title: 'Written in JavaScript',
    text: 'Serialized by @confluentinc/schemaregistry.',
    authors: ['Node'],
    language: 'en',
    publishedAt: null,
    fetchedAt: new Date(input.jsFetchedAtMillis),
    contentHash: 'cd'.repeat(32),
    attributes: { client: 'confluent-js' },
  });

  process.stdout.write(`${JSON.stringify({
    decoded: plain(decoded),
    jsSchemaId,
    jsPayload: payload.toString('base64'),
  })}\n`);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
