package cn.gov.supervision.units.service;

import cn.gov.supervision.units.api.CreateUnitRequest;
import cn.gov.supervision.units.domain.Unit;
import cn.gov.supervision.units.repository.UnitRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The registry a deployment starts from: at start-up every unit of the configured reference set that is not
 * registered yet (by code) is registered, exactly as through the API (the same checks, name keys and UnitCreated
 * event), so the other services learn of it from units.events. Units already registered are left as they are, edits
 * made since included; replicas starting together take turns on a lock.
 */
@ApplicationScoped
public class ReferenceRegistry {

    private static final Logger LOG = Logger.getLogger(ReferenceRegistry.class);
    private static final long LOAD_LOCK_KEY = 0x756e69747361L;

    private final ReferenceSets sets;
    private final UnitService service;
    private final UnitRepository units;
    private final UnitNameIndex nameIndex;
    private final EntityManager entityManager;
    private final Validator validator;

    public ReferenceRegistry(ReferenceSets sets, UnitService service, UnitRepository units, UnitNameIndex nameIndex,
                             EntityManager entityManager, Validator validator) {
        this.sets = sets;
        this.service = service;
        this.units = units;
        this.nameIndex = nameIndex;
        this.entityManager = entityManager;
        this.validator = validator;
    }

    void onStart(@Observes StartupEvent startup) {
        int registered = registerConfiguredSet();
        if (registered > 0) {
            LOG.infof("Registered %d reference units (city: %s)", registered, sets.city().orElse("none named"));
        }
    }

    /** Registers the configured set's units that are not registered yet; how many it registered. */
    public int registerConfiguredSet() {
        ReferenceSet set = sets.configured();
        return QuarkusTransaction.requiringNew().call(() -> registerMissing(set));
    }

    private int registerMissing(ReferenceSet set) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", LOAD_LOCK_KEY).getSingleResult();
        int registered = 0;
        for (ReferenceSet.Entry entry : set.units()) {
            if (units.findByCode(entry.code()).isPresent()) {
                continue;
            }
            List<String> taken = nameIndex.namesInUse(entry.names());
            if (!taken.isEmpty()) {
                LOG.warnf("Reference unit %s is not registered: %s already name(s) another unit", entry.code(), taken);
                continue;
            }
            CreateUnitRequest request = new CreateUnitRequest(entry.code(), entry.name(), entry.aliasList(),
                    entry.kind(), null, entry.membership(), entry.memberKind(), memberIds(entry), List.of());
            Set<ConstraintViolation<CreateUnitRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("units.registry.reference-units: reference unit " + entry.code() + ": "
                        + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                        .collect(Collectors.joining("; ")));
            }
            service.register(request, Optional.ofNullable(entry.id()).orElseGet(UUID::randomUUID));
            registered++;
        }
        return registered;
    }

    /** The set lists a group's members before it; one that could not be registered is left out, with a warning. */
    private List<UUID> memberIds(ReferenceSet.Entry entry) {
        List<UUID> ids = new ArrayList<>();
        for (String code : entry.memberCodes()) {
            Optional<Unit> member = units.findByCode(code);
            member.ifPresentOrElse(unit -> ids.add(unit.id),
                    () -> LOG.warnf("Reference group %s: member %s is not registered", entry.code(), code));
        }
        return ids;
    }
}
