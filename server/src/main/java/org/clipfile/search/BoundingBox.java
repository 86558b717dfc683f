package org.clipfile.search;

import java.util.Locale;

/**
 * A map rectangle in degrees, as {@code bbox=west,south,east,north}: articles naming a place inside it match. A box
 * whose west edge is east of its east edge crosses the antimeridian.
 */
public record BoundingBox(double west, double south, double east, double north) {

    public BoundingBox {
        if (!(west >= -180 && west <= 180 && east >= -180 && east <= 180)) {
            throw new IllegalArgumentException("longitudes must be between -180 and 180");
        }
        if (!(south >= -90 && south <= 90 && north >= -90 && north <= 90)) {
            throw new IllegalArgumentException("latitudes must be between -90 and 90");
        }
        if (south > north) {
            throw new IllegalArgumentException("south (" + south + ") is north of north (" + north + ")");
        }
    }

    /** Reads {@code west,south,east,north}; throws {@link IllegalArgumentException} with a readable reason. */
    public static BoundingBox parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox is west,south,east,north in degrees, e.g. 35.5,32.3,42.4,37.3");
        }
        double[] numbers = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox value '" + parts[i].strip() + "' is not a number");
            }
        }
        return new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    /** The grid cell {@code zoom/x/y} of Elasticsearch's geotile_grid (web Mercator tiles). */
    public static BoundingBox ofTile(String key) {
        String[] parts = key.split("/");
        int zoom = Integer.parseInt(parts[0]);
        int x = Integer.parseInt(parts[1]);
        int y = Integer.parseInt(parts[2]);
        double tiles = Math.pow(2, zoom);
        return new BoundingBox(x / tiles * 360 - 180, tileLatitude(y + 1, tiles), (x + 1) / tiles * 360 - 180,
                tileLatitude(y, tiles));
    }

    private static double tileLatitude(int y, double tiles) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / tiles))));
    }

    public boolean contains(double lat, double lon) {
        boolean inLongitude = west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
        return inLongitude && lat >= south && lat <= north;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", west, south, east, north);
    }
}
