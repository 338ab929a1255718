package cn.gov.supervision.kit.web;

import cn.gov.supervision.kit.problem.ProblemException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL anywhere in a request would end in a database error (a 500).
 * No legitimate Chinese government document or name contains one: requests carrying it are refused with a 400,
 * whether in a JSON string or in the path or query.
 */
public class NulCharacters {

    private static final char NUL = '\u0000';

    @ServerRequestFilter(preMatching = true)
    public void refuseInPathOrQuery(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.indexOf(NUL) >= 0) {
            throw ProblemException.badRequest("invalid-character", "The path contains a NUL character");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.indexOf(NUL) >= 0) {
                    throw ProblemException.invalidField(parameter.getKey(), "must not contain a NUL character");
                }
            }
        }
    }

    /** Registers the JSON side with the application's ObjectMapper. */
    @Singleton
    public static class JsonStrings implements ObjectMapperCustomizer {

        @Override
        public void customize(ObjectMapper objectMapper) {
            objectMapper.registerModule(new SimpleModule("nul-characters")
                    .addDeserializer(String.class, new RefusingDeserializer()));
        }
    }

    static final class RefusingDeserializer extends StdScalarDeserializer<String> {

        RefusingDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf(NUL) >= 0) {
                throw InvalidFormatException.from(parser, "a NUL character is not allowed", value, String.class);
            }
            return value;
        }
    }
}
