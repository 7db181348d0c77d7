package io.newswatch.enrich.topic;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import opennlp.tools.doccat.DoccatModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswatch train-topics}: trains a topic model on labelled JSON lines. */
@Command(name = "train-topics", mixinStandardHelpOptions = true,
        description = {"Train a topic model (OpenNLP DocumentCategorizerME) on labelled articles.",
                "Input: JSON lines {\"title\": ..., \"text\": ..., \"topic\": \"sport\"}. Use the model with "
                        + "'newswatch enrich --topic-model FILE'."})
public final class TrainTopicsCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, paramLabel = "FILE.jsonl", description = "Labelled articles.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model.")
    Path out;

    @Option(names = "--iterations", defaultValue = "100", description = "Training iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--cutoff", defaultValue = "2",
            description = "Ignore features seen fewer times than this (default: ${DEFAULT-VALUE}).")
    int cutoff;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<TopicTrainer.Example> examples;
        try {
            examples = TopicTrainer.read(in);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("newswatch train-topics: " + e.getMessage());
            return 2;
        }
        Map<String, Integer> perTopic = new TreeMap<>();
        examples.forEach(e -> perTopic.merge(e.topic(), 1, Integer::sum));
        if (perTopic.size() < 2) {
            spec.commandLine().getErr().println("newswatch train-topics: need examples of at least two topics, found "
                    + perTopic.keySet());
            return 2;
        }
        DoccatModel model = TopicTrainer.train(examples, iterations, cutoff);
        try (OutputStream os = Files.newOutputStream(out)) {
            model.serialize(os);
        }
        spec.commandLine().getOut().printf("trained on %d articles in %d topics %s; model written to %s%n",
                examples.size(), perTopic.size(), perTopic, out);
        return 0;
    }
}
