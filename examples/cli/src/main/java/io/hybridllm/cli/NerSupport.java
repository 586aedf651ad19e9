package io.hybridllm.cli;

import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.core.privacy.PrivacyScanners;
import io.hybridllm.local.ner.OnnxEntityTagger;
import java.nio.file.Path;

/** The {@code --ner-model DIR} option: an ONNX token-classification model added to the privacy scanner. */
final class NerSupport {
    static final String DESCRIPTION = "A Hugging Face token-classification (NER) model exported to ONNX: a directory"
            + " with model.onnx, tokenizer.json (WordPiece or byte-level BPE) and config.json; its entities join the privacy scan"
            + " (see docs/ner.md).";

    private NerSupport() {}

    /** Loads the tagger, or returns null when no directory was given. */
    static OnnxEntityTagger open(Path dir) {
        return dir == null ? null : OnnxEntityTagger.load(dir);
    }

    /** The default scanner, with the tagger added when there is one. */
    static PrivacyScanner scanner(String region, OnnxEntityTagger tagger, boolean nameHeuristics) {
        if (region == null && tagger == null && nameHeuristics) {
            return PrivacyScanners.defaults();
        }
        PrivacyScanners.Builder b = PrivacyScanners.builder().namesAndPlaces(nameHeuristics);
        if (region != null) {
            b.defaultRegion(region);
        }
        if (tagger != null) {
            b.entityTagger(tagger);
        }
        return b.build();
    }
}
