package dev.revoketokenbot.deploy;

import static dev.revoketokenbot.deploy.YamlDocuments.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * src/main/docker/Dockerfile.jvm, read as instructions: it copies Quarkus's aot-jar layout, trains
 * Java 25's AOT cache with the chart's JVM flags and starts with it, runs as the non-root user the
 * Helm chart expects, and listens on 8080. No Docker engine is needed ({@code AotCacheIT} runs the
 * training itself).
 */
class ContainerImageTest {

    private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
    private static final Path QUARKUS_APP = Path.of("target", "quarkus-app");

    /** What Quarkus's aot-jar packaging writes under target/quarkus-app, and where the image puts it. */
    private static final List<Map.Entry<String, String>> JAR_LAYOUT = List.of(
            Map.entry("target/quarkus-app/lib/", "/deployments/lib/"),
            Map.entry("target/quarkus-app/*.jar", "/deployments/"),
            Map.entry("target/quarkus-app/app/", "/deployments/app/"),
            Map.entry("target/quarkus-app/quarkus/", "/deployments/quarkus/"));

    /** The jar run-java.sh starts; the packaging's entry point. */
    private static final String RUN_JAR = "quarkus-run.jar";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private record Instruction(String keyword, List<String> args) {}

    @Test
    void copiesQuarkusFastJarLayoutOwnedByTheRuntimeUser() throws IOException {
        List<Instruction> copies = instructions("COPY");

        assertThat(copies).allSatisfy(copy -> assertThat(copy.args()).first().isEqualTo("--chown=185"));
        assertThat(copies)
                .extracting(copy -> Map.entry(copy.args().get(1), copy.args().get(2)))
                .containsExactlyElementsOf(JAR_LAYOUT);
    }

    @Test
    void runsAsANonRootUserOnPort8080WithTheQuarkusRunJar() throws IOException {
        List<Instruction> users = instructions("USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).args().get(0);
        assertThat(user).matches("\\d+").isNotEqualTo("0");
        // The chart's pods run as this same user, with runAsNonRoot.
        Map<String, Object> values = YamlDocuments.load(Path.of("helm", "revoke-token-bot", "values.yaml"));
        assertThat(path(values, "podSecurityContext")).containsEntry("runAsUser", Integer.parseInt(user));
        assertThat(path(values, "securityContext")).containsEntry("runAsUser", Integer.parseInt(user));

        assertThat(instructions("EXPOSE")).flatExtracting(Instruction::args).containsExactly("8080");
        assertThat(instructions("ENV"))
                .extracting(env -> String.join(" ", env.args()))
                .contains("JAVA_APP_JAR=\"/deployments/" + RUN_JAR + "\"")
                // The embedded ledger in a directory the image's user owns, not wherever the process starts.
                .contains("REVOKE_DATA_DIR=\"/deployments/data\"")
                .anySatisfy(env -> assertThat(env)
                        .startsWith("JAVA_OPTS_APPEND=")
                        .contains("-Dquarkus.http.host=0.0.0.0")
                        .contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
                        .contains("-XX:AOTCache=/deployments/app.aot"));
    }

    @Test
    void trainsTheAotCacheWithTheImagesOwnJvmAsTheRuntimeUser() throws IOException {
        // A cache serves only the JVM build that wrote it: the build host's would be ignored.
        assertThat(instructions("RUN"))
                .extracting(run -> String.join(" ", run.args()))
                .singleElement()
                .satisfies(run -> assertThat(run)
                        .contains("java ${TRAINING_FLAGS} -XX:AOTCacheOutput=/deployments/app.aot")
                        .contains("-Drevoke.training=true")
                        .contains("-jar /deployments/" + RUN_JAR)
                        .contains("test -s /deployments/app.aot"));
        List<String> keywords = instructionKeywords();
        assertThat(keywords.indexOf("RUN")).isGreaterThan(keywords.indexOf("USER"));
    }

    @Test
    void trainsWithTheChartsJvmFlags() throws IOException {
        Map<String, Object> jvm = path(YamlDocuments.load(Path.of("helm", "revoke-token-bot", "values.yaml")), "jvm");
        List<String> chartFlags = new ArrayList<>(List.of(WHITESPACE.split(((String) jvm.get("options")).trim())));
        chartFlags.addAll(List.of(WHITESPACE.split(((String) jvm.get("gc")).trim())));

        assertThat(trainingFlags()).containsExactlyElementsOf(chartFlags);
    }

    /** The flags in {@code ARG TRAINING_FLAGS="..."}, the JVM flags the AOT cache is trained with. */
    static List<String> trainingFlags() throws IOException {
        String arg = instructions("ARG").stream()
                .map(instruction -> String.join(" ", instruction.args()))
                .filter(value -> value.startsWith("TRAINING_FLAGS="))
                .findFirst()
                .orElseThrow();
        String quoted = arg.substring("TRAINING_FLAGS=".length());
        return List.of(WHITESPACE.split(quoted.substring(1, quoted.length() - 1).trim()));
    }

    @Test
    void baseImageIsAPinnedJava25Runtime() throws IOException {
        // Java 25: the AOT cache (JEP 483, 514, 515). The bot is built for Java 17 and runs on both.
        List<Instruction> from = instructions("FROM");

        assertThat(from)
                .singleElement()
                .satisfies(f -> assertThat(f.args().get(0))
                        .startsWith("registry.access.redhat.com/ubi9/openjdk-25-runtime:")
                        .matches(".+:\\d+(\\.\\d+)+$"));
    }

    @Test
    void headerSaysHowToBuildIt() throws IOException {
        assertThat(Files.readString(DOCKERFILE, StandardCharsets.UTF_8))
                .contains("./mvnw package")
                .contains("docker build -f src/main/docker/Dockerfile.jvm -t revoke-token-bot .");
    }

    @Test
    void everyCopiedPathExistsAfterPackaging() throws IOException {
        // `./mvnw verify` runs tests before `package`: there is nothing to check until a build has packaged.
        assumeTrue(Files.isDirectory(QUARKUS_APP), "target/quarkus-app not built yet (run ./mvnw package)");

        for (Instruction copy : instructions("COPY")) {
            String source = copy.args().get(1);
            if (source.endsWith("*.jar")) {
                Path dir = Path.of(source.substring(0, source.length() - "*.jar".length()));
                assertThat(jarsIn(dir)).as(source).contains(RUN_JAR);
            } else {
                assertThat(Path.of(source)).as(source).isDirectory();
            }
        }
        assertThat(QUARKUS_APP.resolve(RUN_JAR)).isRegularFile();
    }

    private static List<String> jarsIn(Path dir) throws IOException {
        List<String> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
            stream.forEach(jar -> jars.add(jar.getFileName().toString()));
        }
        return jars;
    }

    /** The Dockerfile's instructions with this keyword, continuation lines joined, comments skipped. */
    private static List<Instruction> instructions(String keyword) throws IOException {
        return allInstructions().stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .toList();
    }

    /** The keyword of every instruction, in order. */
    private static List<String> instructionKeywords() throws IOException {
        return allInstructions().stream().map(Instruction::keyword).toList();
    }

    private static List<Instruction> allInstructions() throws IOException {
        List<Instruction> found = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8)) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && logical.length() == 0)) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                logical.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            logical.append(stripped);
            List<String> words =
                    WHITESPACE.splitAsStream(logical.toString().strip()).toList();
            logical.setLength(0);
            found.add(new Instruction(words.get(0).toUpperCase(Locale.ROOT), words.subList(1, words.size())));
        }
        return found;
    }
}
