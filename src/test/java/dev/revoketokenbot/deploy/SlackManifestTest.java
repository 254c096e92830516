package dev.revoketokenbot.deploy;

import static dev.revoketokenbot.deploy.YamlDocuments.list;
import static dev.revoketokenbot.deploy.YamlDocuments.maps;
import static dev.revoketokenbot.deploy.YamlDocuments.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Slack app manifests (api.slack.com/apps > From an app manifest): HTTP mode points the slash
 * command and interactivity at /slack/events; Socket Mode has no URLs. Both ask for the same three
 * bot scopes and nothing else.
 */
class SlackManifestTest {

    private static final Path DIR = Path.of("src", "main", "slack");
    private static final Path HTTP = DIR.resolve("manifest.yaml");
    private static final Path SOCKET_MODE = DIR.resolve("manifest-socket-mode.yaml");

    @ParameterizedTest
    @ValueSource(strings = {"manifest.yaml", "manifest-socket-mode.yaml"})
    void asksForExactlyTheThreeBotScopesTheBotUses(String file) throws IOException {
        Map<String, Object> manifest = YamlDocuments.load(DIR.resolve(file));

        assertThat(path(manifest, "oauth_config", "scopes")).containsOnlyKeys("bot");
        assertThat(list(path(manifest, "oauth_config", "scopes").get("bot")))
                .containsExactlyInAnyOrder("commands", "chat:write", "usergroups:read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest.yaml", "manifest-socket-mode.yaml"})
    void followsSlacksManifestSchema(String file) throws IOException {
        Map<String, Object> manifest = YamlDocuments.load(DIR.resolve(file));

        assertThat(manifest).containsOnlyKeys("display_information", "features", "oauth_config", "settings");
        Map<String, Object> display = path(manifest, "display_information");
        assertThat((String) display.get("name")).isNotBlank().hasSizeLessThanOrEqualTo(35);
        assertThat((String) display.get("description")).isNotBlank().hasSizeLessThanOrEqualTo(140);
        assertThat((String) display.get("long_description")).hasSizeBetween(175, 4000);
        assertThat((String) display.get("background_color")).matches("#[0-9a-fA-F]{6}");
        assertThat((String) path(manifest, "features", "bot_user").get("display_name"))
                .isNotBlank();

        Map<String, Object> settings = path(manifest, "settings");
        assertThat(settings)
                .containsEntry("org_deploy_enabled", false)
                .containsEntry("token_rotation_enabled", false)
                .doesNotContainKey("event_subscriptions");
        assertThat(path(settings, "interactivity")).containsEntry("is_enabled", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest.yaml", "manifest-socket-mode.yaml"})
    void theOneSlashCommandIsRevokeToken(String file) throws IOException {
        Map<String, Object> manifest = YamlDocuments.load(DIR.resolve(file));

        assertThat(maps(path(manifest, "features").get("slash_commands")))
                .singleElement()
                .satisfies(command -> {
                    assertThat(command).containsEntry("command", "/revoke-token");
                    assertThat((String) command.get("description")).isNotBlank();
                });
    }

    @Test
    void httpModeSendsCommandsAndClicksToSlackEvents() throws IOException {
        Map<String, Object> manifest = YamlDocuments.load(HTTP);

        assertThat(path(manifest, "settings")).containsEntry("socket_mode_enabled", false);
        String commandUrl = (String)
                maps(path(manifest, "features").get("slash_commands")).get(0).get("url");
        String requestUrl = (String) path(manifest, "settings", "interactivity").get("request_url");
        assertThat(commandUrl).startsWith("https://").endsWith("/slack/events");
        assertThat(requestUrl).startsWith("https://").endsWith("/slack/events").isEqualTo(commandUrl);
    }

    @Test
    void socketModeHasNoUrlsAndSaysAnAppTokenIsNeeded() throws IOException {
        Map<String, Object> manifest = YamlDocuments.load(SOCKET_MODE);

        assertThat(path(manifest, "settings")).containsEntry("socket_mode_enabled", true);
        assertThat(maps(path(manifest, "features").get("slash_commands")))
                .allSatisfy(command -> assertThat(command).doesNotContainKey("url"));
        assertThat(path(manifest, "settings", "interactivity")).doesNotContainKey("request_url");
        assertThat(Files.readString(SOCKET_MODE, StandardCharsets.UTF_8))
                .contains("connections:write")
                .doesNotContain("https://");
    }

    @Test
    void bothManifestsDescribeTheSameAppApartFromHowSlackReachesIt() throws IOException {
        assertThat(withoutTransport(YamlDocuments.load(SOCKET_MODE)))
                .isEqualTo(withoutTransport(YamlDocuments.load(HTTP)));
    }

    /** The manifest without URLs and the socket-mode switch. */
    private static String withoutTransport(Map<String, Object> manifest) {
        maps(path(manifest, "features").get("slash_commands")).forEach(command -> command.remove("url"));
        path(manifest, "settings", "interactivity").remove("request_url");
        path(manifest, "settings").remove("socket_mode_enabled");
        return YamlDocuments.dump(manifest);
    }
}
