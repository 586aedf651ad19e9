package io.hybridllm.core.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A route with the reasons that led to it, and the route to fall back to if the chosen one fails. Immutable.
 *
 * <pre>{@code
 * RoutingDecision.to(Route.REMOTE)
 *     .because("complexity 0.81 >= threshold 0.50")
 *     .fallbackTo(Route.LOCAL)
 *     .build();
 * }</pre>
 */
public final class RoutingDecision {
    private final Route route;
    private final List<String> reasons;
    private final Route fallback;
    private final Route fellBackFrom;

    private RoutingDecision(Builder b) {
        this.route = b.route;
        this.reasons = List.copyOf(b.reasons);
        this.fallback = b.fallback;
        this.fellBackFrom = b.fellBackFrom;
    }

    /** Starts a decision for {@code route}. */
    public static Builder to(Route route) {
        return new Builder(route);
    }

    public Route route() {
        return route;
    }

    /** Why, in order of importance; sentences a person can read. */
    public List<String> reasons() {
        return reasons;
    }

    /** The route to try if this one fails with a failure that allows falling back. */
    public Optional<Route> fallback() {
        return Optional.ofNullable(fallback);
    }

    /** Set when this decision is the result of a fallback: the route that failed. */
    public Optional<Route> fellBackFrom() {
        return Optional.ofNullable(fellBackFrom);
    }

    /** One line: the route and its reasons. */
    public String explanation() {
        return route + ": " + String.join("; ", reasons);
    }

    /**
     * The decision after the chosen route failed: the fallback route becomes the route, the failure is added to
     * the reasons, and no further fallback remains.
     *
     * @throws IllegalStateException if there is no fallback
     */
    public RoutingDecision fallingBack(String failure) {
        if (fallback == null) {
            throw new IllegalStateException("no fallback route in " + this);
        }
        Builder b = new Builder(fallback);
        b.reasons.addAll(reasons);
        b.reasons.add("fell back from " + route + " to " + fallback + " after: " + failure);
        b.fellBackFrom = route;
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutingDecision d
                && route == d.route
                && reasons.equals(d.reasons)
                && fallback == d.fallback
                && fellBackFrom == d.fellBackFrom;
    }

    @Override
    public int hashCode() {
        return Objects.hash(route, reasons, fallback, fellBackFrom);
    }

    @Override
    public String toString() {
        return "RoutingDecision{" + explanation() + (fallback == null ? "" : ", fallback=" + fallback) + "}";
    }

    /** Builds a {@link RoutingDecision}. */
    public static final class Builder {
        private final Route route;
        private final List<String> reasons = new ArrayList<>();
        private Route fallback;
        private Route fellBackFrom;

        private Builder(Route route) {
            this.route = Objects.requireNonNull(route, "route == null");
        }

        /** Adds a reason. */
        public Builder because(String reason) {
            reasons.add(Objects.requireNonNull(reason, "reason == null"));
            return this;
        }

        /** Adds reasons. */
        public Builder because(List<String> more) {
            more.forEach(this::because);
            return this;
        }

        /**
         * Sets the route to try if this one fails; {@code null} for none.
         *
         * @throws IllegalArgumentException if it equals the route or is {@link Route#REFUSED}
         */
        public Builder fallbackTo(Route fallback) {
            if (fallback == route || fallback == Route.REFUSED) {
                throw new IllegalArgumentException("fallback must differ from " + route + " and not be REFUSED");
            }
            this.fallback = fallback;
            return this;
        }

        /** @throws IllegalStateException if there is no reason */
        public RoutingDecision build() {
            if (reasons.isEmpty()) {
                throw new IllegalStateException("a routing decision needs at least one reason");
            }
            return new RoutingDecision(this);
        }
    }
}
