package org.wattwatch.scoring.model;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.Resource;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.wattwatch.scoring.config.ScoringProperties;

/**
 * The model readings are scored with. Loaded at startup from {@code wattwatch.scoring.model};
 * a model that cannot be read stops startup, since scoring without one would raise nothing.
 */
@Component
public class ActiveModel {

    private static final String PROPERTY = "wattwatch.scoring.model";

    private final EnvelopeModel model;

    public ActiveModel(ScoringProperties properties, ResourceLoader resources) {
        this.model = load(resources.getResource(properties.model()), properties.model());
    }

    public EnvelopeModel get() {
        return model;
    }

    private static EnvelopeModel load(Resource resource, String location) {
        if (!resource.exists()) {
            throw new IllegalStateException(PROPERTY + "=" + location + ": no such file");
        }
        String name = resource.getFilename() == null ? location : resource.getFilename();
        try (InputStream in = resource.getInputStream()) {
            return Models.read(in, name);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(PROPERTY + "=" + location + ": " + e.getMessage(), e);
        }
    }
}
