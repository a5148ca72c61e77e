package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a map with headless Chromium (installed by scripts/prerequisites; skipped where it is missing) and looks
 * at the picture: land drawn, hot cells in red, points in blue — offline, from a file URL.
 */
class GeoMapRenderTest {
  @TempDir Path dir;

  @Test
  void chromiumRendersTheOutlinesTheHotspotAndThePoints() throws Exception {
    String chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium"
        : Files.isExecutable(Path.of("/usr/bin/chromium-browser")) ? "/usr/bin/chromium-browser" : null;
    assumeTrue(chromium != null, "headless Chromium is not installed (scripts/prerequisites installs it)");
    Random random = new Random(11);
    List<GeoPoint> points = new ArrayList<>();
    List<GeoFeature> features = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      GeoPoint p = i < 50 ? GeoPoint.of(45.7606 + random.nextGaussian() * 0.002, 4.859 + random.nextGaussian() * 0.003)
          : GeoPoint.of(45.70 + random.nextDouble() * 0.14, 4.76 + random.nextDouble() * 0.2);
      points.add(p);
      features.add(new GeoFeature("p" + i, p, Map.of()));
    }
    Path html = dir.resolve("map.html");
    Files.writeString(html, GeoMap.html("Lyon", features, Hotspots.analyse(points, 500).cells()),
        StandardCharsets.UTF_8);
    Path png = dir.resolve("map.png");
    Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1050,1000",
        "--screenshot=" + png, html.toUri().toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("chromium.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log")));
    BufferedImage image = ImageIO.read(png.toFile());
    int land = 0;
    int red = 0;
    int blue = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        if (r == 0xf4 && g == 0xf1 && b == 0xe8) {
          land++;
        } else if (r > 180 && g < 120 && b < 110) {
          red++;
        } else if (b > 120 && r < 40 && g < 110) {
          blue++;
        }
      }
    }
    assertTrue(land > 100_000, "the outline of France fills the view: " + land);
    assertTrue(red > 300, "the hotspot is drawn in red: " + red);
    assertTrue(blue > 1_000, "the points are drawn in blue: " + blue);
  }
}
