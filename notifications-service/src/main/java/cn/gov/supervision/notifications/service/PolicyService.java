package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.api.PolicyData;
import cn.gov.supervision.notifications.domain.ReminderPolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** The reminder policy in force: the stored one, or the default until someone replaces it. */
@ApplicationScoped
public class PolicyService {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    public PolicyService(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    @Transactional
    public ReminderPolicy current() {
        @SuppressWarnings("unchecked")
        List<String> stored = entityManager.createNativeQuery("SELECT policy FROM reminder_policy WHERE id = 1")
                .getResultList();
        if (stored.isEmpty()) {
            return ReminderPolicy.defaults();
        }
        try {
            return objectMapper.readValue(stored.get(0), PolicyData.class).toPolicy();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored reminder policy is unreadable", e);
        }
    }

    @Transactional
    public ReminderPolicy replace(PolicyData policy) {
        ReminderPolicy checked = policy.toPolicy();
        try {
            entityManager.createNativeQuery("INSERT INTO reminder_policy (id, policy, updated_at) VALUES (1, :policy, now()) "
                            + "ON CONFLICT (id) DO UPDATE SET policy = excluded.policy, updated_at = now()")
                    .setParameter("policy", objectMapper.writeValueAsString(PolicyData.of(checked)))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return checked;
    }
}
