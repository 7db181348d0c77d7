package io.newswatch.embedded;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.ResponseHeader;

/** A produce request written by hand, for states the real producer never makes. */
final class RawProduce {

    private RawProduce() {
    }

    /** Writes one transactional record of {@code producerId}/{@code epoch} to partition 0 of {@code topic}. */
    static void transactionalBatch(int port, String transactionalId, String topic, long producerId, short epoch, String value)
            throws IOException {
        MemoryRecords records = MemoryRecords.withTransactionalRecords(Compression.NONE, producerId, epoch, 0,
                new SimpleRecord(System.currentTimeMillis(), "k".getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8)));
        ProduceRequestData data = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(10_000)
                .setTransactionalId(transactionalId)
                .setTopicData(new ProduceRequestData.TopicProduceDataCollection(List.of(
                        new ProduceRequestData.TopicProduceData().setName(topic).setPartitionData(List.of(
                                new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records)))).iterator()));
        // The last version before transactions v2, whose partitions the leader adds to the transaction itself.
        short version = ProduceRequest.LAST_STABLE_VERSION_BEFORE_TRANSACTION_V2;
        ProduceRequest request = ProduceRequest.builder(data, true).build(version);
        ByteBuffer bytes = request.serializeWithHeader(new RequestHeader(ApiKeys.PRODUCE, version, "raw-produce", 1));
        try (Socket socket = new Socket("localhost", port)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(bytes.remaining());
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] reply = new byte[in.readInt()];
            in.readFully(reply);
            ByteBuffer buffer = ByteBuffer.wrap(reply);
            ResponseHeader.parse(buffer, ApiKeys.PRODUCE.responseHeaderVersion(version));
            ProduceResponse response = ProduceResponse.parse(new ByteBufferAccessor(buffer), version);
            response.data().responses().forEach(t -> t.partitionResponses().forEach(p -> {
                if (p.errorCode() != Errors.NONE.code()) {
                    throw new IllegalStateException("produce refused: " + Errors.forCode(p.errorCode()) + " " + p.errorMessage());
                }
            }));
        }
    }
}
