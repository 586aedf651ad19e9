package io.hybridllm.core.internal;

import io.hybridllm.core.ChatStream;
import io.hybridllm.core.Interceptor;
import io.hybridllm.core.errors.OutboundLeakException;
import io.hybridllm.core.privacy.PrivacyAction;
import io.hybridllm.core.privacy.PrivacyAssessment;
import io.hybridllm.core.privacy.PrivacyRule;
import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.core.routing.Route;

/**
 * The last check before data leaves the device: re-scans the outbound request and refuses it if the privacy rule
 * would not let it go as it is. Catches a policy that ignores the rule, an interceptor that adds data, and a
 * redaction that missed an item. Whether a refused request is then served locally is the
 * {@link FallbackInterceptor}'s call.
 */
final class OutboundPrivacyGuard implements Interceptor {
    private final PrivacyScanner scanner;
    private final PrivacyRule rule;

    OutboundPrivacyGuard(PrivacyScanner scanner, PrivacyRule rule) {
        this.scanner = scanner;
        this.rule = rule;
    }

    @Override
    public ChatStream intercept(Chain chain) {
        CallState state = ((RealInterceptorChain) chain).state();
        Route route = state.decision.route();
        if (route.leavesDevice()) {
            PrivacyAssessment outbound = scanner.scan(chain.request());
            PrivacyAction action = rule.decide(outbound);
            if (action != PrivacyAction.ALLOW) {
                throw new OutboundLeakException("outbound check on route " + route + " refused the request: "
                        + outbound.explanation() + " would leave the device");
            }
        }
        return chain.proceed(chain.request());
    }

    @Override
    public String toString() {
        return "OutboundPrivacyGuard";
    }
}
