package org.wattwatch.trainer.retrain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;

/**
 * The scoring service's model API, with the owner's token: which model scores a meter now, and putting a
 * candidate live. A retrain changes models the way the owner does, through the API, so every scoring
 * instance takes it and the dashboard's model card shows it.
 */
final class ScoringApi {

    /** A model file as the scoring service has it, and the model it is. */
    record ModelFile(String fileName, byte[] bytes, EnvelopeModel model) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ScoringApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    ModelFile current(String meter) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request("/api/models/" + path(meter) + "/file").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        check(response, "reading the model of meter " + meter);
        String fileName = response.headers().firstValue("Content-Disposition")
                .map(d -> d.replaceAll(".*filename=\"?([^\";]+)\"?.*", "$1")).orElse("model.zip");
        return new ModelFile(fileName, response.body(), Models.read(new ByteArrayInputStream(response.body()), fileName));
    }

    void promote(String meter, String fileName, byte[] bytes) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request("/api/models/" + path(meter) + "?name="
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8))
                .header("Content-Type", "application/zip").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        check(response, "putting the candidate live for meter " + meter);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private static String path(String meter) {
        return URLEncoder.encode(meter, StandardCharsets.UTF_8);
    }

    private static void check(HttpResponse<byte[]> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new IOException(what + ": the scoring service answered " + response.statusCode() + " "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }
}
