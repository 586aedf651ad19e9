package io.hybridllm.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.ChatRequest;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholderRedactorTest {
    private final PrivacyScanner scanner = PrivacyScanners.defaults();

    private Redactor.Redaction redact(ChatRequest request) {
        return Redactor.placeholders().redact(request, scanner.scan(request));
    }

    @Test
    void oneValueGetsOnePlaceholderAcrossTheConversation() {
        ChatRequest request = ChatRequest.builder()
                .addUserMessage("My mail is ann@example.net, my colleague's is bob@example.net")
                .addAssistantMessage("Noted.")
                .addUserMessage("Send the report to ann@example.net")
                .build();
        Redactor.Redaction r = redact(request);
        List<String> texts =
                r.request().messages().stream().map(m -> m.content()).toList();
        assertThat(texts.get(0)).isEqualTo("My mail is <EMAIL_ADDRESS_1>, my colleague's is <EMAIL_ADDRESS_2>");
        assertThat(texts.get(2)).isEqualTo("Send the report to <EMAIL_ADDRESS_1>");
        assertThat(r.placeholderCount()).isEqualTo(2);
        assertThat(r.restore("Mailed <EMAIL_ADDRESS_1> and <EMAIL_ADDRESS_2>."))
                .isEqualTo("Mailed ann@example.net and bob@example.net.");
    }

    @Test
    void aDetectedValueIsAlsoReplacedWhereItHadNoContext() {
        ChatRequest request = ChatRequest.builder()
                .addUserMessage("Card number 4539 1488 0343 6467 was declined")
                .addUserMessage("retry 4539 1488 0343 6467")
                .build();
        Redactor.Redaction r = redact(request);
        assertThat(r.request().messages().get(1).content()).isEqualTo("retry <CREDIT_CARD_1>");
    }

    @Test
    void secretsAreNeverRestored() {
        String token = "gh" + "p_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5b";
        ChatRequest request = ChatRequest.ofUserMessage("why does " + token + " fail for jo@example.com?");
        Redactor.Redaction r = redact(request);
        assertThat(r.request().messages().get(0).content())
                .doesNotContain(token)
                .doesNotContain("jo@example.com");
        String restored = r.restore("Token <GITHUB_TOKEN_1> of <EMAIL_ADDRESS_1> expired.");
        assertThat(restored).isEqualTo("Token <GITHUB_TOKEN_1> of jo@example.com expired.");
    }

    @Test
    void neverRestoreClassesAreConfigurable() {
        ChatRequest request = ChatRequest.ofUserMessage("write to jo@example.com");
        Redactor.Redaction r =
                Redactor.placeholders(EnumSet.of(PiiClass.CONTACT)).redact(request, scanner.scan(request));
        assertThat(r.restore("<EMAIL_ADDRESS_1>")).isEqualTo("<EMAIL_ADDRESS_1>");
    }

    @Test
    void literalPlaceholderTextOfTheUserIsNotReused() {
        ChatRequest request = ChatRequest.ofUserMessage("template uses <EMAIL_ADDRESS_1>; mine is jo@example.com");
        Redactor.Redaction r = redact(request);
        assertThat(r.request().messages().get(0).content())
                .isEqualTo("template uses <EMAIL_ADDRESS_1>; mine is <EMAIL_ADDRESS_2>");
        assertThat(r.restore("<EMAIL_ADDRESS_1> vs <EMAIL_ADDRESS_2>"))
                .isEqualTo("<EMAIL_ADDRESS_1> vs jo@example.com");
    }

    @Test
    void streamRestoresPlaceholdersSplitAtEveryPosition() {
        ChatRequest request = ChatRequest.ofUserMessage("reply to jo@example.com and ann@example.net");
        Redactor.Redaction r = redact(request);
        String answer = "Hi <EMAIL_ADDRESS_1>, cc <EMAIL_ADDRESS_2>; a<b and c>d <EMAIL_ADDRESS_9> end";
        String expected = "Hi jo@example.com, cc ann@example.net; a<b and c>d <EMAIL_ADDRESS_9> end";
        for (int split = 0; split <= answer.length(); split++) {
            for (int split2 = split; split2 <= answer.length(); split2 += 3) {
                Redactor.StreamRestorer s = r.newStreamRestorer();
                String out = s.push(answer.substring(0, split))
                        + s.push(answer.substring(split, split2))
                        + s.push(answer.substring(split2))
                        + s.finish();
                assertThat(out).as("split at %d/%d", split, split2).isEqualTo(expected);
            }
        }
    }

    @Test
    void streamHoldsBackOnlyAPossiblePlaceholderPrefix() {
        ChatRequest request = ChatRequest.ofUserMessage("reply to jo@example.com");
        Redactor.StreamRestorer s = redact(request).newStreamRestorer();
        assertThat(s.push("a <b")).isEqualTo("a <b");
        assertThat(s.push(" ok <EMA")).isEqualTo(" ok ");
        assertThat(s.push("IL_ADDRESS_1> done")).isEqualTo("jo@example.com done");
        assertThat(s.push("<")).isEmpty();
        assertThat(s.finish()).isEqualTo("<");
    }
}
