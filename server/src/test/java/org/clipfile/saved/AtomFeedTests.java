package org.clipfile.saved;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AtomFeedTests {
    @Test
    void shouldWriteWellFormedAtomEvenFromHostileText() throws Exception {
        byte[] xml = AtomFeed.write("urn:x", "Raids <&> \"quotes\"", Instant.parse("2024-01-02T03:04:05.678Z"),
                "http://h/feed", "http://h/?q=a&b=c", List.of(new AtomFeed.Entry("urn:a", "Title\u0001 <b>",
                        Instant.parse("2024-01-02T03:04:05Z"), null, "http://h/?article=a", "summary ]]> end",
                        "AFP")));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(AtomFeed.NAMESPACE);
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "updated").item(0).getTextContent())
                .isEqualTo("2024-01-02T03:04:05Z");
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "title").item(1).getTextContent())
                .isEqualTo("Title <b>");
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "summary").item(0).getTextContent())
                .isEqualTo("summary ]]> end");
    }

    @Test
    void shouldSignTimestampAndBodyWithHmacSha256() {
        // Reference value: printf '1700000000.{}' | openssl dgst -sha256 -hmac secret
        assertThat(WebhookSender.sign("secret", "1700000000", "{}".getBytes()))
                .isEqualTo("b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
    }

    @Test
    void shouldCompareFeedTokensByTheirHash() {
        String token = FeedTokens.newToken();
        assertThat(token).startsWith("ft_");
        assertThat(FeedTokens.matches(token, FeedTokens.hash(token))).isTrue();
        assertThat(FeedTokens.matches(token + "x", FeedTokens.hash(token))).isFalse();
        assertThat(FeedTokens.matches(token, null)).isFalse();
    }
}
