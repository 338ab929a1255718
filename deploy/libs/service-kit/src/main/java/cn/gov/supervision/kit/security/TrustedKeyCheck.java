package cn.gov.supervision.kit.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Files;
import java.util.Optional;

/**
 * Refuses to start when the key that tokens are verified with is a file that is not there. Without it every request
 * would be a 401 and the cause would show only in debug logs; a deployment that forgot MP_JWT_VERIFY_PUBLICKEY_LOCATION
 * should fail where it is deployed, at once. Keys fetched over HTTPS (a JWKS) are the identity provider's to serve and
 * are not checked here.
 */
@ApplicationScoped
public class TrustedKeyCheck {

    void check(@Observes StartupEvent ignored,
               @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
               @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> inlineKey) {
        if (inlineKey.isPresent() || location.isEmpty() || !KeyLocations.isFile(location.get())) {
            return;
        }
        if (!Files.isReadable(KeyLocations.file(location.get()))) {
            throw new IllegalStateException("The public key that bearer tokens are verified with is not readable at "
                    + location.get() + "; set MP_JWT_VERIFY_PUBLICKEY_LOCATION (deploy/local/run.sh makes a local key)");
        }
    }
}
