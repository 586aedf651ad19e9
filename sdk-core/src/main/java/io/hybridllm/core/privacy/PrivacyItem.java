package io.hybridllm.core.privacy;

import java.util.Objects;

/**
 * One detected item: its fine type (e.g. {@code CREDIT_CARD}), coarse class, UTF-16 span in the text of one
 * message, confidence, and the detector that found it. Immutable. It holds no copy of the matched text.
 */
public final class PrivacyItem {
    private final String type;
    private final PiiClass piiClass;
    private final int messageIndex;
    private final int start;
    private final int end;
    private final double confidence;
    private final String detector;

    private PrivacyItem(
            String type, PiiClass piiClass, int messageIndex, int start, int end, double confidence, String detector) {
        this.type = Objects.requireNonNull(type, "type == null");
        this.piiClass = Objects.requireNonNull(piiClass, "piiClass == null");
        this.detector = Objects.requireNonNull(detector, "detector == null");
        if (messageIndex < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException("bad span: message " + messageIndex + ", [" + start + ", " + end + ")");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        this.messageIndex = messageIndex;
        this.start = start;
        this.end = end;
        this.confidence = confidence;
    }

    /** An item in message 0 (or in a single text). */
    public static PrivacyItem of(
            String type, PiiClass piiClass, int start, int end, double confidence, String detector) {
        return new PrivacyItem(type, piiClass, 0, start, end, confidence, detector);
    }

    /** Returns a copy that points into message {@code index} of a request. */
    public PrivacyItem inMessage(int index) {
        return new PrivacyItem(type, piiClass, index, start, end, confidence, detector);
    }

    /** Returns a copy with another confidence (e.g. raised by a context word). */
    public PrivacyItem withConfidence(double newConfidence) {
        return new PrivacyItem(type, piiClass, messageIndex, start, end, newConfidence, detector);
    }

    /** The fine type, e.g. {@code EMAIL_ADDRESS}, {@code CREDIT_CARD}, {@code AWS_ACCESS_KEY}. */
    public String type() {
        return type;
    }

    public PiiClass piiClass() {
        return piiClass;
    }

    /** The index of the message (in the request) whose text holds the span. */
    public int messageIndex() {
        return messageIndex;
    }

    /** Start of the span, a UTF-16 offset (inclusive). */
    public int start() {
        return start;
    }

    /** End of the span, a UTF-16 offset (exclusive). */
    public int end() {
        return end;
    }

    public double confidence() {
        return confidence;
    }

    /** The name of the recognizer that found the item, e.g. {@code "luhn-card"}. */
    public String detector() {
        return detector;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivacyItem p
                && type.equals(p.type)
                && piiClass == p.piiClass
                && messageIndex == p.messageIndex
                && start == p.start
                && end == p.end
                && Double.compare(confidence, p.confidence) == 0
                && detector.equals(p.detector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, piiClass, messageIndex, start, end, confidence, detector);
    }

    @Override
    public String toString() {
        return type + "(" + piiClass + ")@" + messageIndex + ":[" + start + "," + end + ") conf=" + confidence + " by "
                + detector;
    }
}
