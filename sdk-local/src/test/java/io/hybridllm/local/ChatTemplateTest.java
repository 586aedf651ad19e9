package io.hybridllm.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.ChatMessage;
import io.hybridllm.local.internal.ChatTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {
    /** The ChatML template SmolLM2-Instruct ships in its tokenizer_config.json. */
    private static final String CHATML = "{% for message in messages %}{% if loop.first and messages[0]['role'] != "
            + "'system' %}{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging "
            + "Face<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + "
            + "'<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    /** The Llama-2 chat template (uses bos_token, eos_token, strip filters and slicing). */
    private static final String LLAMA2 =
            "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}"
                    + "{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}"
                    + "{% set system_message = false %}{% endif %}{% for message in loop_messages %}"
                    + "{% if loop.index0 == 0 and system_message != false %}"
                    + "{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}"
                    + "{% else %}{% set content = message['content'] %}{% endif %}{% if message['role'] == 'user' %}"
                    + "{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}{% elif message['role'] == 'assistant' %}"
                    + "{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}";

    @Test
    void chatMlTemplate_rendersWithDefaultSystemPromptAndGenerationPrompt() {
        ChatTemplate t = ChatTemplate.of(CHATML, "<|im_start|>", "<|im_end|>");
        String out = t.render(List.of(ChatMessage.user("Hi there")));
        assertThat(out)
                .isEqualTo("<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face"
                        + "<|im_end|>\n<|im_start|>user\nHi there<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void chatMlTemplate_keepsAGivenSystemMessageAndTheConversationOrder() {
        ChatTemplate t = ChatTemplate.of(CHATML, "", "");
        String out = t.render(List.of(
                ChatMessage.system("Be terse."),
                ChatMessage.user("2+2?"),
                ChatMessage.assistant("4"),
                ChatMessage.user("3+3?")));
        assertThat(out)
                .isEqualTo("<|im_start|>system\nBe terse.<|im_end|>\n<|im_start|>user\n2+2?<|im_end|>\n"
                        + "<|im_start|>assistant\n4<|im_end|>\n<|im_start|>user\n3+3?<|im_end|>\n"
                        + "<|im_start|>assistant\n");
    }

    @Test
    void llama2Template_usesBosEosSystemBlockAndStrip() {
        ChatTemplate t = ChatTemplate.of(LLAMA2, "<s>", "</s>");
        String out = t.render(List.of(
                ChatMessage.system("Sys"),
                ChatMessage.user(" Hello "),
                ChatMessage.assistant("Hi"),
                ChatMessage.user("Bye")));
        assertThat(out).isEqualTo("<s>[INST] <<SYS>>\nSys\n<</SYS>>\n\n Hello [/INST] Hi </s><s>[INST] Bye [/INST]");
        assertThat(t.isModelTemplate()).isTrue();
    }

    @Test
    void noTemplate_fallsBackToPlainRoleLines() {
        ChatTemplate t = ChatTemplate.of(null, "<s>", "</s>");
        assertThat(t.isModelTemplate()).isFalse();
        assertThat(t.render(List.of(ChatMessage.system("S"), ChatMessage.user("U"))))
                .isEqualTo("system: S\nuser: U\nassistant:");
    }
}
