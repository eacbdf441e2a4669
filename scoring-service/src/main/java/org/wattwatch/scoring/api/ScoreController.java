package org.wattwatch.scoring.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.validation.Violation;
import org.wattwatch.scoring.model.ModelAssignment;
import org.wattwatch.scoring.model.ReadingScorer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Scores readings on request, with the same model and rule as the stream, one or many at a time. */
@RestController
@RequestMapping("/api")
class ScoreController {

    /** Ad-hoc readings are not a meter's; they still go through the one scoring path. */
    private static final String AD_HOC = "ad-hoc";
    private static final int MAX_BATCH = 10_000;

    private final ReadingScorer scorer;
    private final JsonMapper json;

    /** @param json the web layer's own mapper: optional fields may be left out of a request */
    ScoreController(ReadingScorer scorer, JsonMapper json) {
        this.scorer = scorer;
        this.json = json;
    }

    @Operation(summary = "Score one reading (a JSON object) or a batch (an array of them)",
            description = "timestamp is the start of the interval on the home's clock; wh the energy in it; "
                    + "minutes its length (default 60). Answers one result, or an array in the same order.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(
                    oneOf = {ScoreRequest.class, ScoreRequestBatch.class}))))
    @PostMapping("/score")
    Object score(@RequestBody JsonNode body) {
        if (!body.isArray()) {
            ScoreRequest request = parse(body, "");
            return score(request, modelFor(request, ""));
        }
        if (body.size() > MAX_BATCH) {
            throw new InvalidRequestException(List.of(new Violation("body", "at most " + MAX_BATCH
                    + " readings per batch, was " + body.size())));
        }
        List<ScoreRequest> requests = new ArrayList<>(body.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                requests.add(parse(body.get(i), "[" + i + "]."));
            } catch (InvalidRequestException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        // one model per meter for the whole batch, even while a swap lands
        Map<String, EnvelopeModel> models = new HashMap<>();
        List<ScoreResponse> responses = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            ScoreRequest r = requests.get(i);
            EnvelopeModel model = models.get(key(r));
            if (model == null) {
                model = modelFor(r, "[" + i + "].");
                models.put(key(r), model);
            }
            responses.add(score(r, model));
        }
        return responses;
    }

    private static String key(ScoreRequest request) {
        return request.meter() == null ? ModelAssignment.DEFAULT : request.meter();
    }

    /** The meter's own model; without a meter, the default one. */
    private EnvelopeModel modelFor(ScoreRequest request, String prefix) {
        String meter = key(request);
        if (!meter.equals(ModelAssignment.DEFAULT) && !scorer.hasOwnModel(meter)) {
            throw new InvalidRequestException(List.of(new Violation(prefix + "meter", "meter '" + meter
                    + "' has no model of its own; leave meter out to score with the default model")));
        }
        return scorer.model(meter);
    }

    private ScoreRequest parse(JsonNode node, String prefix) {
        ScoreRequest request;
        try {
            request = json.treeToValue(node, ScoreRequest.class);
        } catch (JacksonException e) {
            throw new InvalidRequestException(List.of(ProblemHandler.violationOf(e, prefix)));
        }
        if (request == null) {
            throw new InvalidRequestException(List.of(new Violation(prefix.isEmpty() ? "body" : prefix
                    .substring(0, prefix.length() - 1), "must be a JSON object")));
        }
        List<Violation> violations = request.violations().stream()
                .map(v -> new Violation(prefix + v.field(), v.message())).toList();
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return request;
    }

    private ScoreResponse score(ScoreRequest request, EnvelopeModel model) {
        int minutes = request.minutesOrDefault();
        Instant start = request.timestamp().atZone(scorer.zone()).toInstant();
        MeterReading reading = new MeterReading(MeterReading.SCHEMA_VERSION, AD_HOC, start,
                start.plus(Duration.ofMinutes(minutes)), request.wh(), 0, AD_HOC, 0);
        ScoredReading scored = scorer.score(reading, model);
        return new ScoreResponse(request.meter(), request.timestamp(), scorer.zone().getId(), start, minutes,
                request.wh(),
                scored.expectedLowWh(), scored.expectedHighWh(), scored.score(), scorer.threshold(), scored.anomaly(),
                scored.modelVersion());
    }

    /** For the OpenAPI document: the batch form of the request. */
    @ArraySchema(schema = @Schema(implementation = ScoreRequest.class))
    interface ScoreRequestBatch {
    }
}
