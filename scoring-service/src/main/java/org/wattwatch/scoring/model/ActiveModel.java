package org.wattwatch.scoring.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.scoring.config.ScoringProperties;

/**
 * The configured model ({@code wattwatch.scoring.model}), which scores every meter until
 * {@code power.models} says otherwise. A model that cannot be read stops startup, since scoring
 * without one would raise nothing.
 */
@Component
public class ActiveModel implements ModelSource {

    private static final String PROPERTY = "wattwatch.scoring.model";

    private final EnvelopeModel model;
    private final String fileName;
    private final byte[] bytes;

    public ActiveModel(ScoringProperties properties, ResourceLoader resources) {
        String location = properties.model();
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException(PROPERTY + "=" + location + ": no such file");
        }
        this.fileName = resource.getFilename() == null ? location : resource.getFilename();
        try (InputStream in = resource.getInputStream()) {
            this.bytes = in.readAllBytes();
            this.model = Models.read(new ByteArrayInputStream(bytes), fileName);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(PROPERTY + "=" + location + ": " + e.getMessage(), e);
        }
    }

    public EnvelopeModel get() {
        return model;
    }

    @Override
    public EnvelopeModel modelFor(String meterId) {
        return model;
    }

    String fileName() {
        return fileName;
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
