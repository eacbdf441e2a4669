package org.wattwatch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OwnerTokenTest {

    @Test
    void onlyTheOwnersTokenMatchesAndWithoutOneNothingDoes() {
        OwnerToken owner = new OwnerToken("a-long-enough-owner-token");
        assertThat(owner.matches("a-long-enough-owner-token")).isTrue();
        assertThat(owner.matches("a-long-enough-owner-tokem")).isFalse();
        assertThat(owner.matches("")).isFalse();
        assertThat(owner.matches(null)).isFalse();
        OwnerToken none = new OwnerToken(null);
        assertThat(none.isSet()).isFalse();
        assertThat(none.matches("")).isFalse();
        assertThat(none.matches(null)).isFalse();
    }

    @Test
    void aShortTokenIsRefusedNamingThePropertyAndTheTokenIsNeverPrinted() {
        assertThatThrownBy(() -> new AccessProperties("short", false)).hasMessageContaining("wattwatch.security.token")
                .hasMessageNotContaining("short");
        AccessProperties properties = new AccessProperties("a-long-enough-owner-token", true);
        assertThat(properties.toString()).doesNotContain("a-long-enough-owner-token").contains("(set)");
        assertThat(new AccessProperties("  ", false).token()).as("blank is none").isNull();
    }
}
