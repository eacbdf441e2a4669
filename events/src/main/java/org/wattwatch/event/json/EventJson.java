package org.wattwatch.event.json;

import java.util.List;
import java.util.function.Function;

import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.validation.InvalidEventException;
import org.wattwatch.event.validation.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.InjectableValues;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of WattWatch events on Kafka: ISO-8601 times, every record field required (but
 * those added later, which have defaults), unknown fields ignored so newer producers do not break
 * older consumers.
 */
public final class EventJson {

    /**
     * Events are flat and small, but arrive from anywhere on the network: limits far above any real
     * event and far below what costs a consumer memory or CPU (deep nesting, numbers thousands of digits
     * long). A model assignment, which carries a whole model file, is the largest event.
     */
    public static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxNumberLength(100)
            .maxNameLength(1_000)
            .maxStringLength(16 * 1024 * 1024)
            .maxDocumentLength(20L * 1024 * 1024)
            .build();

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(READ_LIMITS).build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // one event per record: "{...} junk" is not half-accepted
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // every reading is parsed and every score written on the scoring hot path
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .addModule(InstantJson.module())
            // fields added to events after their first version: older events read with their defaults
            .injectableValues(new InjectableValues.Std().addValue(Anomaly.KIND_DEFAULT, AlertKind.USAGE)
                    .addValue(MeterReading.SPOOL_USE_DEFAULT, 0.0)
                    .addValue(ScoredReading.TOTAL_WH_DEFAULT, 0.0))
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /** Parses without validating; see {@link #readValid}. */
    public static <T> T read(byte[] json, Class<T> type) {
        return parse(json, type, bytes -> MAPPER.readValue(bytes, type));
    }

    /**
     * Parses, without validating, an event some of whose fields came after its first version: a missing
     * field is null (or 0), and the record gives it its default.
     */
    public static <T> T readWithLaterFields(byte[] json, Class<T> type) {
        return parse(json, type, bytes -> MAPPER.readerFor(type)
                .without(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).readValue(bytes));
    }

    /** {@link #readWithLaterFields}, then the rest of the contract is the rules' to check. */
    public static <T> T readValidWithLaterFields(byte[] json, Class<T> type, Function<T, List<Violation>> rules) {
        return checked(readWithLaterFields(json, type), type, rules);
    }

    /** The one place a JSON error becomes an {@link EventFormatException} naming the type and the field. */
    private static <T> T parse(byte[] json, Class<T> type, Function<byte[], T> parser) {
        if (json == null) {
            throw new EventFormatException("no " + type.getSimpleName() + ": record value is null", null);
        }
        try {
            return parser.apply(json);
        } catch (JacksonException e) {
            throw new EventFormatException("unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage()
                    + pathOf(e), e);
        }
    }

    /** Parses and checks the event's contract, so consumers never act on half an event. */
    public static <T> T readValid(byte[] json, Class<T> type, Function<T, List<Violation>> rules) {
        return checked(read(json, type), type, rules);
    }

    static <T> T checked(T event, Class<T> type, Function<T, List<Violation>> rules) {
        List<Violation> violations = rules.apply(event);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.getSimpleName(), violations);
        }
        return event;
    }

    private static String pathOf(JacksonException e) {
        String path = e.getPathReference();
        return path == null || path.isBlank() ? "" : " at " + path;
    }
}
