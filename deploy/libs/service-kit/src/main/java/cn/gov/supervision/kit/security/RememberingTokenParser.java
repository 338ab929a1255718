package cn.gov.supervision.kit.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link VerifiedTokens} in front of smallrye-jwt's parser. Quarkus' bearer authentication (and the gateway's
 * edge check) verify a request's token with {@link JWTParser#parse(String)}; decorating that one method gives every
 * service the same memory without touching how authentication is wired. The other methods (explicit keys or
 * contexts) verify every time.
 */
@Decorator
@Priority(10)
public abstract class RememberingTokenParser implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    @Inject
    VerifiedTokens verifiedTokens;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verifiedTokens.known(token);
        if (known != null) {
            return known;
        }
        JsonWebToken verified = parser.parse(token);
        verifiedTokens.remember(token, verified);
        return verified;
    }
}
