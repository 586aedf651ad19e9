package io.hybridllm.remote;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits it is asked for and advances a fake clock instead of sleeping. */
final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final FakeClock clock;

    RecordingSleeper(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }
}
