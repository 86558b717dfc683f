package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundingBoxTests {

    @Test
    void shouldReadWestSouthEastNorth() {
        BoundingBox box = BoundingBox.parse("35.5, 32.3,42.4,37.3");

        assertThat(box).isEqualTo(new BoundingBox(35.5, 32.3, 42.4, 37.3));
        assertThat(box.contains(36.0, 36.6)).isTrue();
        assertThat(box.contains(48.8, 2.3)).isFalse();
    }

    @Test
    void shouldRefuseMalformedOrImpossibleBoxes() {
        assertThatThrownBy(() -> BoundingBox.parse("1,2,3")).hasMessageContaining("west,south,east,north");
        assertThatThrownBy(() -> BoundingBox.parse("a,2,3,4")).hasMessageContaining("'a' is not a number");
        assertThatThrownBy(() -> BoundingBox.parse("0,50,10,40")).hasMessageContaining("south");
        assertThatThrownBy(() -> BoundingBox.parse("0,0,190,10")).hasMessageContaining("longitudes");
        assertThatThrownBy(() -> BoundingBox.parse("NaN,0,10,10")).hasMessageContaining("longitudes");
    }

    @Test
    void shouldContainPointsAcrossTheAntimeridian() {
        BoundingBox pacific = new BoundingBox(170, -20, -170, 20);

        assertThat(pacific.contains(0, 179)).isTrue();
        assertThat(pacific.contains(0, -175)).isTrue();
        assertThat(pacific.contains(0, 0)).isFalse();
    }

    @Test
    void shouldGiveTheRectangleOfAGeotile() {
        BoundingBox world = BoundingBox.ofTile("0/0/0");
        assertThat(world.west()).isEqualTo(-180);
        assertThat(world.east()).isEqualTo(180);
        assertThat(world.north()).isCloseTo(85.0511, within(1e-4));

        BoundingBox northEast = BoundingBox.ofTile("1/1/0");
        assertThat(northEast.west()).isEqualTo(0);
        assertThat(northEast.south()).isCloseTo(0, within(1e-9));
        assertThat(northEast.contains(35.9, 36.6)).isTrue();
    }
}
