package io.newswatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.newswatch.core.config.ClientProperties;
import io.newswatch.watchlist.WatchlistFiles;

/** The Helm chart: lint --strict, render, and check what it renders against the Kubernetes API types. */
class HelmChartTest {

    static final Path CHART = Paths.get("../helm/newswatch").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    @Test
    void lintsCleanInStrictMode() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void defaultRenderIsValidAndRunsEachServiceWithProbesAsNonRoot() throws Exception {
        List<JsonNode> manifests = render(null);
        assertValid(manifests);
        Map<String, Deployment> deployments = deployments(manifests);
        assertThat(deployments).containsOnlyKeys("ingest", "enrich", "alerts", "dashboard");
        assertThat(deployments.get("enrich").getSpec().getReplicas()).isEqualTo(2);

        deployments.forEach((component, deployment) -> {
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getArgs()).first().isEqualTo(component);
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
            assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
            assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
            assertThat(env(c)).containsEntry("NEWSWATCH_HEALTH_PORT", "8080")
                    .containsEntry("NEWSWATCH_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("NEWSWATCH_KAFKA_CONFIG", "/etc/newswatch/config/client.properties");
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(c.getResources().getLimits()).containsKey("memory");
        });
        assertThat(kinds(manifests)).doesNotContain("ServiceMonitor", "PodDisruptionBudget", "Secret");
    }

    @Test
    void watchlistsAreMountedAsADirectoryAndChangingThemDoesNotRollThePods() throws Exception {
        List<JsonNode> before = render(null);
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, """
                watchlists:
                  - id: only-zebras
                    name: Zebras
                    match: { any: [ { term: zebra } ] }
                """);
        Path values = dir.resolve("values.yaml");
        Files.writeString(values, "watchlists: |\n" + Files.readString(other).indent(2));
        List<JsonNode> after = render(values);

        Container alerts = deployments(before).get("alerts").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(alerts.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/etc/newswatch/watchlists");
            assertThat(m.getSubPath()).isNull();
        });
        assertThat(env(alerts)).containsEntry("NEWSWATCH_WATCHLISTS", "/etc/newswatch/watchlists/watchlists.yaml");
        // The dashboard shows the same watch-lists (definitions, version, a rejected file): same mount.
        Container dashboard = deployments(before).get("dashboard").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(dashboard.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/etc/newswatch/watchlists");
            assertThat(m.getSubPath()).isNull();
        });
        assertThat(env(dashboard)).containsEntry("NEWSWATCH_WATCHLISTS", "/etc/newswatch/watchlists/watchlists.yaml");
        for (String component : List.of("ingest", "enrich", "alerts", "dashboard")) {
            assertThat(deployments(after).get(component).getSpec().getTemplate())
                    .as("pod template of %s", component)
                    .isEqualTo(deployments(before).get(component).getSpec().getTemplate());
        }
        assertThat(watchlistsData(after)).contains("only-zebras");

        // Both the chart's default watch-lists and the replacement parse as watch-lists.
        for (List<JsonNode> rendered : List.of(before, after)) {
            Path file = dir.resolve("rendered-" + System.identityHashCode(rendered) + ".yaml");
            Files.writeString(file, watchlistsData(rendered));
            assertThat(WatchlistFiles.load(file).watchlists()).isNotEmpty();
        }
    }

    @Test
    void securityMonitoringAndDisruptionBudgetsWhenAskedFor() throws Exception {
        Path values = dir.resolve("values.yaml");
        Files.writeString(values, """
                kafka:
                  bootstrapServers: kafka-0.kafka:9093
                  properties:
                    security.protocol: SASL_SSL
                    sasl.mechanism: SCRAM-SHA-512
                    ssl.truststore.type: PEM
                    ssl.truststore.location: /etc/newswatch/kafka-tls/ca.crt
                  security:
                    properties:
                      sasl.jaas.config: org.apache.kafka.common.security.scram.ScramLoginModule required username="nw" password="pw";
                    tlsSecret: kafka-ca
                serviceMonitor:
                  enabled: true
                  labels: { release: prometheus }
                podDisruptionBudget:
                  enabled: true
                """);
        List<JsonNode> manifests = render(values);
        assertValid(manifests);

        JsonNode secret = only(manifests, "Secret");
        Map<String, String> env = new java.util.TreeMap<>();
        secret.path("stringData").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        // What the chart writes is what the services read back as client properties.
        assertThat(ClientProperties.fromEnvironment(env)).containsOnlyKeys("sasl.jaas.config");
        String clientProperties = only(manifests, "ConfigMap", "-config").path("data").path("client.properties").asText();
        assertThat(clientProperties).contains("security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512");

        deployments(manifests).forEach((component, deployment) -> {
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getEnvFrom()).singleElement()
                    .satisfies(e -> assertThat(e.getSecretRef().getName()).isEqualTo(secret.path("metadata").path("name").asText()));
            assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/newswatch/kafka-tls"));
        });

        List<String> budgets = manifests.stream().filter(m -> m.path("kind").asText().equals("PodDisruptionBudget"))
                .map(m -> m.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/component").asText())
                .toList();
        assertThat(budgets).containsExactlyInAnyOrder("enrich", "alerts");

        JsonNode monitor = only(manifests, "ServiceMonitor");
        assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.path("metadata").path("labels").path("release").asText()).isEqualTo("prometheus");
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
        // Every Service exposes the port the ServiceMonitor scrapes, selected by the monitor's labels.
        manifests.stream().filter(m -> m.path("kind").asText().equals("Service")).forEach(service -> {
            assertThat(service.path("spec").path("ports").get(0).path("name").asText()).isEqualTo("http");
            monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label ->
                    assertThat(service.path("metadata").path("labels").path(label.getKey()).asText())
                            .isEqualTo(label.getValue().asText()));
        });
    }

    @Test
    void theDashboardHasItsServiceProbesAndOptionalToken() throws Exception {
        List<JsonNode> plain = render(null);
        Container c = deployments(plain).get("dashboard").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getArgs()).containsExactly("dashboard");
        assertThat(env(c)).containsEntry("NEWSWATCH_DASHBOARD_CAPACITY", "10000")
                .containsEntry("NEWSWATCH_DASHBOARD_GROUP", "newswatch-dashboard");
        assertThat(c.getEnv()).noneMatch(e -> e.getName().equals("NEWSWATCH_DASHBOARD_TOKEN"));
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(manifests(plain, "Service")).anySatisfy(service -> {
            assertThat(service.path("metadata").path("name").asText()).endsWith("-dashboard");
            assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(8080);
            assertThat(service.path("spec").path("selector").path("app.kubernetes.io/component").asText()).isEqualTo("dashboard");
        });

        Path values = dir.resolve("values.yaml");
        Files.writeString(values, """
                dashboard:
                  replicas: 2
                  capacity: 500
                  tokenSecret: { name: newswatch-dashboard, key: password }
                """);
        List<JsonNode> manifests = render(values);
        assertValid(manifests);
        Deployment deployment = deployments(manifests).get("dashboard");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        Container secured = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(secured)).containsEntry("NEWSWATCH_DASHBOARD_CAPACITY", "500");
        assertThat(secured.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("NEWSWATCH_DASHBOARD_TOKEN");
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("newswatch-dashboard");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        });
        Files.writeString(values, "dashboard: { enabled: false }\n");
        assertThat(deployments(render(values))).doesNotContainKey("dashboard");
    }

    private static List<JsonNode> manifests(List<JsonNode> all, String kind) {
        return all.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void schemaCheckCatchesUnknownFieldsAndWrongTypes() throws Exception {
        ObjectNode deployment = (ObjectNode) deployments(render(null)).values().stream().findFirst()
                .map(d -> YAML.valueToTree(d)).orElseThrow();
        assertThat(ManifestSchemas.problems(deployment)).isEmpty();

        ObjectNode misspelt = deployment.deepCopy();
        ((ObjectNode) misspelt.path("spec").path("template").path("spec").path("containers").get(0))
                .put("livenessProbes", "x");
        assertThat(ManifestSchemas.problems(misspelt)).singleElement().asString().contains("livenessProbes");

        ObjectNode wrongType = deployment.deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("replicas", "two");
        assertThat(ManifestSchemas.problems(wrongType)).isNotEmpty();
    }

    private List<JsonNode> render(Path valuesFile) throws Exception {
        TemplateCommand template = new Helm(CHART).template().withName("nw").withNamespace("news")
                .withKubeVersion("1.32.0");
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        String rendered = template.call();
        List<JsonNode> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(rendered)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    manifests.add(doc);
                }
            }
        }
        assertThat(manifests).isNotEmpty();
        return manifests;
    }

    private static void assertValid(List<JsonNode> manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode m : manifests) {
            if (ManifestSchemas.knows(m)) {
                problems.addAll(ManifestSchemas.problems(m));
            } else {
                assertThat(ManifestSchemas.typeOf(m)).isEqualTo("monitoring.coreos.com/v1/ServiceMonitor");
            }
            assertThat(m.path("metadata").path("name").asText()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThan(64);
        }
        assertThat(problems).isEmpty();
    }

    private static Map<String, Deployment> deployments(List<JsonNode> manifests) {
        return manifests.stream().filter(m -> m.path("kind").asText().equals("Deployment"))
                .map(m -> YAML.convertValue(m, Deployment.class))
                .collect(Collectors.toMap(d -> d.getMetadata().getLabels().get("app.kubernetes.io/component"), d -> d));
    }

    private static Map<String, String> env(Container c) {
        return c.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static List<String> kinds(List<JsonNode> manifests) {
        return manifests.stream().map(m -> m.path("kind").asText()).toList();
    }

    private static JsonNode only(List<JsonNode> manifests, String kind) {
        return only(manifests, kind, "");
    }

    private static JsonNode only(List<JsonNode> manifests, String kind, String nameSuffix) {
        List<JsonNode> found = manifests.stream().filter(m -> m.path("kind").asText().equals(kind)
                && m.path("metadata").path("name").asText().endsWith(nameSuffix)).toList();
        assertThat(found).as(kind + " *" + nameSuffix).hasSize(1);
        return found.get(0);
    }

    private static String watchlistsData(List<JsonNode> manifests) {
        return only(manifests, "ConfigMap", "-watchlists").path("data").path("watchlists.yaml").asText();
    }
}
