package io.newswatch.standalone;

import io.newswatch.alerts.AlertsCommand;
import io.newswatch.alerts.TailCommand;
import io.newswatch.enrich.EnrichCommand;
import io.newswatch.ingest.IngestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newswatch} command. */
@Command(name = "newswatch", mixinStandardHelpOptions = true, versionProvider = Newswatch.Version.class,
        description = "Streaming news monitoring: ingest articles, tag entities and topics, alert on watch-lists.",
        subcommands = {UpCommand.class, IngestCommand.class, io.newswatch.ingest.extract.ExtractCommand.class, EnrichCommand.class, AlertsCommand.class, io.newswatch.dashboard.DashboardCommand.class, TailCommand.class, io.newswatch.alerts.cli.WatchlistsCommand.class,
                BenchCommand.class, HealthcheckCommand.class, io.newswatch.standalone.chaos.ChaosCommand.class, io.newswatch.enrich.topic.TrainTopicsCommand.class,
                CommandLine.HelpCommand.class})
public final class Newswatch implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Newswatch());
        // Every benchmark is also reachable as `newswatch bench <stage>`.
        commandLine.getSubcommands().get("bench").addSubcommand("ingest", new io.newswatch.ingest.IngestBenchCommand());
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Newswatch.class.getPackage().getImplementationVersion();
            return new String[] {"newswatch " + (v == null ? "(development build)" : v)};
        }
    }
}
