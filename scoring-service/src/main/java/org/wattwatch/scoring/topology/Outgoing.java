package org.wattwatch.scoring.topology;

/**
 * A record the scoring processor has already serialised, and the topic it goes to: one sink routes
 * all of them, so a reading costs one processor hop instead of a branch, casts and a serialising
 * step per output topic.
 */
record Outgoing(String topic, byte[] value) {
}
