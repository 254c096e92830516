package dev.revoketokenbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rooms of STYLE.md as rules: the flow runs slack -> revocation -> influx and never back, all
 * may read config, and only config reads configuration sources. The sandbox stands apart: no room
 * depends on it, and it depends on none. The rules run as plain Jupiter tests: ArchUnit's own test
 * engine is not run beside Quarkus's JUnit integration here.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.revoketokenbot");

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String name, ArchRule rule) {
        rule.check(MAIN_CLASSES);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("rooms flow one way", roomsFlowOneWay),
                Arguments.of("revocation knows neither Slack nor HTTP", revocationKnowsNeitherSlackNorHttp),
                Arguments.of("influx knows nothing of Slack or policy", influxKnowsNothingOfSlackOrPolicy),
                Arguments.of("slack never calls influx directly", slackNeverCallsInfluxDirectly),
                Arguments.of("only config reads configuration sources", onlyConfigReadsConfigurationSources),
                Arguments.of("no cycles between rooms", noCyclesBetweenRooms),
                Arguments.of("no room depends on the sandbox", noRoomDependsOnTheSandbox),
                Arguments.of("the sandbox uses no room of the bot", theSandboxUsesNoRoomOfTheBot));
    }

    static final ArchRule roomsFlowOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Slack")
            .definedBy("dev.revoketokenbot.slack..")
            .layer("Revocation")
            .definedBy("dev.revoketokenbot.revocation..")
            .layer("Influx")
            .definedBy("dev.revoketokenbot.influx..")
            .layer("Config")
            .definedBy("dev.revoketokenbot.config..")
            .whereLayer("Slack")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Revocation")
            .mayOnlyBeAccessedByLayers("Slack")
            .whereLayer("Influx")
            .mayOnlyBeAccessedByLayers("Revocation")
            .whereLayer("Config")
            .mayOnlyBeAccessedByLayers("Slack", "Revocation", "Influx");

    static final ArchRule revocationKnowsNeitherSlackNorHttp = noClasses()
            .that()
            .resideInAPackage("dev.revoketokenbot.revocation..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.slack..", "jakarta.ws.rs..", "org.jboss.resteasy..");

    static final ArchRule influxKnowsNothingOfSlackOrPolicy = noClasses()
            .that()
            .resideInAPackage("dev.revoketokenbot.influx..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.slack..", "dev.revoketokenbot.slack..", "dev.revoketokenbot.revocation..");

    static final ArchRule slackNeverCallsInfluxDirectly = noClasses()
            .that()
            .resideInAPackage("dev.revoketokenbot.slack..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.revoketokenbot.influx..");

    /**
     * The sandbox reads configuration too: switching sandbox mode on is supplying settings, so its
     * {@code SandboxSettings} is a configuration source of its own.
     */
    static final ArchRule onlyConfigReadsConfigurationSources = noClasses()
            .that()
            .resideOutsideOfPackages("dev.revoketokenbot.config..", "dev.revoketokenbot.sandbox..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.eclipse.microprofile.config..", "io.smallrye.config..")
            .orShould()
            .callMethod(System.class, "getenv", String.class)
            .orShould()
            .callMethod(System.class, "getenv")
            .orShould()
            .callMethod(System.class, "getProperty", String.class)
            .orShould()
            .callMethod(System.class, "getProperty", String.class, String.class);

    static final ArchRule noCyclesBetweenRooms =
            slices().matching("dev.revoketokenbot.(*)..").should().beFreeOfCycles();

    /** The bot never knows it is in the sandbox: it is switched on through configuration only. */
    static final ArchRule noRoomDependsOnTheSandbox = noClasses()
            .that()
            .resideOutsideOfPackage("dev.revoketokenbot.sandbox..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.revoketokenbot.sandbox..");

    /**
     * The sandbox plays Slack and InfluxDB from outside, over HTTP, as they are: borrowing the bot's
     * own types (its InfluxDB DTOs, say) would let the two drift together unseen.
     */
    static final ArchRule theSandboxUsesNoRoomOfTheBot = noClasses()
            .that()
            .resideInAPackage("dev.revoketokenbot.sandbox..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.revoketokenbot.slack..",
                    "dev.revoketokenbot.revocation..",
                    "dev.revoketokenbot.influx..",
                    "dev.revoketokenbot.config..");
}
