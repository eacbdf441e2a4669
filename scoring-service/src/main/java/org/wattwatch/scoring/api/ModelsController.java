package org.wattwatch.scoring.api;

import java.io.IOException;
import java.util.Base64;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wattwatch.access.ProblemResponses;
import org.wattwatch.envelope.ModelFormatException;
import org.wattwatch.event.validation.Checks;
import org.wattwatch.event.validation.Violation;
import org.wattwatch.scoring.model.ModelAssignment;
import org.wattwatch.scoring.model.ModelChanges;
import org.wattwatch.scoring.model.ModelRegistry;

/**
 * The models in use, per meter, and changing them without a restart. {@code default} stands for
 * every meter without a model of its own.
 */
@RestController
@RequestMapping("/api/models")
class ModelsController {

    record ModelView(String version, String fileName, Instant assignedAt, String previousVersion) {
    }

    private final ModelRegistry models;
    private final ModelChanges changes;

    ModelsController(ModelRegistry models, ModelChanges changes) {
        this.models = models;
        this.changes = changes;
    }

    @Operation(summary = "The model in use for every meter without its own (default) and the meters with their own")
    @GetMapping
    Map<String, Object> list() {
        Map<String, ModelView> meters = new TreeMap<>();
        ModelView fallback = new ModelView(models.defaultModel().version(), null, null, null);
        models.assignments().forEach((meter, inUse) -> {
            ModelAssignment a = inUse.assignment();
            ModelView view = new ModelView(inUse.model().version(), a.active().fileName(), a.assignedAt(),
                    a.previous() == null ? null : a.previous().version());
            meters.put(meter, view);
        });
        ModelView defaultView = meters.containsKey(ModelAssignment.DEFAULT) ? meters.remove(ModelAssignment.DEFAULT)
                : fallback;
        return Map.of(ModelAssignment.DEFAULT, defaultView, "meters", meters);
    }

    @Operation(summary = "Use a model package (.zip, application/zip) or an hourly envelope (.csv, text/csv) for a "
            + "meter, or for every meter with 'default'; answers once this instance scores with it")
    @PutMapping("/{meter}")
    ModelView assign(@PathVariable String meter, @RequestBody byte[] file,
            @RequestHeader(name = "Content-Type", defaultValue = "application/zip") String contentType,
            @RequestParam(name = "name", required = false) String name) throws IOException {
        String fileName = name != null ? name : contentType.startsWith("text/csv") ? "model.csv" : "model.zip";
        ModelRegistry.InUse inUse = changes.assign(key(meter), fileName, file);
        return view(inUse);
    }

    @Operation(summary = "The file of the model that scores the meter (its own, else the default), as uploaded: "
            + "what a retrain compares its candidate with")
    @GetMapping("/{meter}/file")
    ResponseEntity<byte[]> file(@PathVariable String meter) {
        ModelAssignment.ModelFile file = models.fileFor(key(meter));
        MediaType type = file.fileName().endsWith(".csv") ? new MediaType("text", "csv")
                : MediaType.parseMediaType("application/zip");
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName())
                        .build().toString())
                .header(MODEL_VERSION_HEADER, file.version())
                .body(Base64.getDecoder().decode(file.packageBase64()));
    }

    /** The version of the model a file response carries. */
    static final String MODEL_VERSION_HEADER = "X-WattWatch-Model-Version";

    @Operation(summary = "Go back to the model before; a meter with none before goes back to the default")
    @PostMapping("/{meter}/rollback")
    ModelView rollback(@PathVariable String meter) {
        return changes.rollback(key(meter)).map(ModelsController::view)
                .orElseThrow(() -> new NoModelChangeException(meter));
    }

    private static String key(String meter) {
        if (meter.equals(ModelAssignment.DEFAULT)) {
            return ModelAssignment.DEFAULT;
        }
        List<Violation> violations = new Checks().meterId("meter", meter).result();
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return meter;
    }

    private static ModelView view(ModelRegistry.InUse inUse) {
        ModelAssignment a = inUse.assignment();
        return a == null ? new ModelView(inUse.model().version(), null, null, null)
                : new ModelView(inUse.model().version(), a.active().fileName(), a.assignedAt(),
                        a.previous() == null ? null : a.previous().version());
    }

    @ExceptionHandler({ModelFormatException.class, IOException.class})
    ProblemDetail unusable(Exception e) {
        return ProblemResponses.of(HttpStatus.BAD_REQUEST, "Not a usable model", "body", e.getMessage());
    }

    @ExceptionHandler(NoModelChangeException.class)
    ProblemDetail nothingToRollBack(NoModelChangeException e) {
        return ProblemResponses.of(HttpStatus.CONFLICT, "Nothing to roll back", null, e.getMessage());
    }

    static class NoModelChangeException extends RuntimeException {
        NoModelChangeException(String meter) {
            super("meter " + meter + " has had no model change to undo");
        }
    }
}
