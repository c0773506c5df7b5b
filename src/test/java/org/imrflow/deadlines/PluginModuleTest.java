package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin and config.js are ES modules that Cockpit imports as they are (no build step): Node
 * imports them here, which fails on any syntax error, and the exports are what Cockpit expects.
 * Skipped, saying so, where Node is not installed; the browser tests render the page itself.
 */
class PluginModuleTest {

  private static final String ROOT = "/META-INF/resources/webjars/camunda/app/cockpit/";

  @Test
  void nodeImportsBothModulesAndSeesThreePluginsAndTheCustomScript(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(nodeAvailable(), "node is not installed: the plugin's syntax is not checked here");
    Path plugin = copy("sla/sla-plugin.js", dir.resolve("sla-plugin.mjs"));
    Path config = copy("scripts/config.js", dir.resolve("config.mjs"));
    String script = "const p = (await import(process.argv[1])).default;"
        + "const c = (await import(process.argv[2])).default;"
        + "console.log(JSON.stringify({"
        + "  plugins: p.map(x => [x.id, x.pluginPoint, (x.properties || {}).path || null, typeof x.render]),"
        + "  scripts: c.customScripts }));";
    Process node = new ProcessBuilder("node", "--input-type=module", "-e", script, plugin.toUri().toString(),
        config.toUri().toString()).redirectErrorStream(true).start();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(out).isZero();
    assertThat(out).isEqualTo("{\"plugins\":["
        + "[\"imrflow.sla.navigation\",\"cockpit.navigation\",\"/sla\",\"function\"],"
        + "[\"imrflow.sla.route\",\"cockpit.route\",\"/sla\",\"function\"],"
        + "[\"imrflow.sla.dashboard\",\"cockpit.dashboard\",null,\"function\"]],"
        + "\"scripts\":[\"sla/sla-plugin\"]}");
  }

  private static Path copy(String resource, Path to) throws IOException {
    try (InputStream in = PluginModuleTest.class.getResourceAsStream(ROOT + resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.copy(in, to);
    }
    return to;
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
