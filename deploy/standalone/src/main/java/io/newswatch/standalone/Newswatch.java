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
        subcommands = {UpCommand.class, IngestCommand.class, EnrichCommand.class, AlertsCommand.class, TailCommand.class,
                CommandLine.HelpCommand.class})
public final class Newswatch implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Newswatch()).setCaseInsensitiveEnumValuesAllowed(true);
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
