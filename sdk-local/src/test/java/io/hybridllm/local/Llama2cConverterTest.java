package io.hybridllm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.errors.ModelLoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Llama2cConverterTest {
    @TempDir
    Path tmp;

    @Test
    void truncatedCheckpoint_isRejectedNamingTheFile() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(28 + 400).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(64).putInt(172).putInt(4).putInt(4).putInt(4).putInt(512).putInt(128);
        Path ckpt = tmp.resolve("cut.bin");
        Files.write(ckpt, header.array());
        Path tok = tmp.resolve("tok.bin");
        Files.write(tok, new byte[8]);
        assertThatThrownBy(() -> Llama2cConverter.convert(ckpt, tok, tmp.resolve("out")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(ckpt.toString())
                .hasMessageContaining("header implies");
    }

    @Test
    void missingTokenizer_isRejectedNamingTheFile() {
        Path ckpt = tmp.resolve("absent.bin");
        assertThatThrownBy(() -> Llama2cConverter.convert(ckpt, tmp.resolve("tok.bin"), tmp.resolve("out")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(ckpt.toString());
    }

    @Test
    void randomModel_writesTheStandardLayout() {
        Path out = tmp.resolve("m");
        Llama2cConverter.writeRandomModel(out, 16, 32, 1, 2, 300, 16, 1);
        for (String f : new String[] {
            "model.onnx", "config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json"
        }) {
            assertThat(out.resolve(f)).isRegularFile();
        }
    }
}
