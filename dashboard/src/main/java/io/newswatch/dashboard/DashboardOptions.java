package io.newswatch.dashboard;

import picocli.CommandLine.Option;

/** Options of the dashboard, shared by {@code newswatch dashboard} and {@code newswatch up}. */
public class DashboardOptions {

    @Option(names = "--dashboard-capacity", paramLabel = "N", defaultValue = "${env:NEWSWATCH_DASHBOARD_CAPACITY:-10000}",
            description = "Alerts the dashboard keeps in memory, the newest (env NEWSWATCH_DASHBOARD_CAPACITY; default: ${DEFAULT-VALUE}).")
    int capacity = 10_000;

    @Option(names = "--dashboard-token", paramLabel = "TOKEN", defaultValue = "${env:NEWSWATCH_DASHBOARD_TOKEN}",
            description = "Require this token for the dashboard page and API: as a bearer token, or as the password of "
                    + "basic authentication (env NEWSWATCH_DASHBOARD_TOKEN; default: none, anyone who reaches the port may read).")
    String token;

    public DashboardOptions() {
    }

    public DashboardOptions(int capacity, String token) {
        this.capacity = capacity;
        this.token = token;
    }

    public int capacity() {
        return capacity;
    }

    public String token() {
        return token == null || token.isBlank() ? null : token;
    }
}
