package org.clipfile.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactStringMapTests {

    @Test
    void shouldFindEveryKeyAndNoOtherAsAHashMapWould() {
        Map<String, Integer> expected = new HashMap<>();
        CompactStringMap.Builder builder = new CompactStringMap.Builder();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String key = Integer.toString(random.nextInt(1_000_000), 36) + (i % 3 == 0 ? "-PW|C" : "é");
            if (expected.putIfAbsent(key, i) == null) {
                builder.put(key, i);
            }
        }
        CompactStringMap map = builder.build();

        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((key, value) -> assertThat(map.get(key)).as(key).isEqualTo(value));
        assertThat(map.get("not-a-key")).isEqualTo(-1);
        assertThat(map.get("")).isEqualTo(-1);
    }

    @Test
    void shouldTellApartKeysWithTheSameHashCode() {
        // "Aa" and "BB" have the same String.hashCode().
        CompactStringMap map = new CompactStringMap.Builder().put("Aa", 1).put("", 0).build();

        assertThat(map.get("Aa")).isEqualTo(1);
        assertThat(map.get("BB")).isEqualTo(-1);
        assertThat(map.get("")).isZero();
    }

    @Test
    void shouldKeepTheFirstValueOfARepeatedKey() {
        CompactStringMap map = new CompactStringMap.Builder().put("Syria", 3).put("Syria", 5).build();

        assertThat(map.get("Syria")).isEqualTo(3);
    }

    @Test
    void shouldRefuseNegativeValuesWhichMeanAbsent() {
        assertThatThrownBy(() -> new CompactStringMap.Builder().put("x", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
