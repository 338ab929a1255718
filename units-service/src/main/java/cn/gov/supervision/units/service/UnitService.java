package cn.gov.supervision.units.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.security.Caller;
import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.kit.web.EntityTags;
import cn.gov.supervision.kit.web.PageView;
import cn.gov.supervision.kit.web.RequestIds;
import cn.gov.supervision.units.api.ContactChangeView;
import cn.gov.supervision.units.api.ContactData;
import cn.gov.supervision.units.api.CreateUnitRequest;
import cn.gov.supervision.units.api.LinkRevocationView;
import cn.gov.supervision.units.api.MembersView;
import cn.gov.supervision.units.api.UnitDefinition;
import cn.gov.supervision.units.api.UnitView;
import cn.gov.supervision.units.api.UpdateUnitRequest;
import cn.gov.supervision.units.domain.Contact;
import cn.gov.supervision.units.domain.ContactChange;
import cn.gov.supervision.units.domain.GroupMembership;
import cn.gov.supervision.units.domain.LinkRevocation;
import cn.gov.supervision.units.domain.Unit;
import cn.gov.supervision.units.domain.UnitKind;
import cn.gov.supervision.units.events.UnitEventTypes;
import cn.gov.supervision.units.events.UnitEvents;
import cn.gov.supervision.units.repository.ContactChangeRepository;
import cn.gov.supervision.units.repository.LinkRevocationRepository;
import cn.gov.supervision.units.repository.UnitRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The registry's rules: unique codes and names, well-formed groups, deactivation instead of deletion, handovers. */
@ApplicationScoped
public class UnitService {

    /** As many as a definition may list (CreateUnitRequest). */
    private static final int MAX_ALIASES = 20;
    private static final TypeReference<List<ContactData>> CONTACT_LIST = new TypeReference<>() {
    };

    private final UnitRepository units;
    private final ContactChangeRepository contactChanges;
    private final LinkRevocationRepository linkRevocations;
    private final UnitNameIndex nameIndex;
    private final GroupExpansion expansion;
    private final UnitEvents events;
    private final ObjectMapper objectMapper;
    private final Caller caller;

    public UnitService(UnitRepository units, ContactChangeRepository contactChanges,
                       LinkRevocationRepository linkRevocations, UnitNameIndex nameIndex, GroupExpansion expansion,
                       UnitEvents events, ObjectMapper objectMapper, Caller caller) {
        this.units = units;
        this.contactChanges = contactChanges;
        this.linkRevocations = linkRevocations;
        this.nameIndex = nameIndex;
        this.expansion = expansion;
        this.events = events;
        this.objectMapper = objectMapper;
        this.caller = caller;
    }

    @Transactional
    public PageView<UnitView> search(String q, UnitKind kind, Boolean active, int page, int size) {
        String fragment = q == null ? null : ChineseText.matchKey(q);
        PanacheQuery<Unit> query = units.search(fragment, kind, active, page, size);
        return new PageView<>(query.list().stream().map(UnitView::of).toList(), page, size, query.count());
    }

    @Transactional
    public UnitView get(UUID id) {
        return UnitView.of(require(id));
    }

    @Transactional
    public UnitView create(CreateUnitRequest request) {
        return register(request, UUID.randomUUID());
    }

    /** {@link #create}, with the id given: reference sets fix their units' ids so that every environment agrees. */
    @Transactional
    public UnitView register(CreateUnitRequest request, UUID id) {
        if (units.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("code-taken", "A unit with code '" + request.code() + "' already exists");
        }
        Unit unit = new Unit();
        unit.id = id;
        unit.code = request.code();
        unit.createdAt = OffsetDateTime.now();
        apply(unit, request);
        unit.contacts = toContacts(request.contacts());
        unit.announced = true;
        nameIndex.checkAvailable(unit);
        units.persist(unit);
        units.flush();
        nameIndex.reindex(unit);
        if (!unit.contacts.isEmpty()) {
            recordContactChange(unit, List.of());
        }
        events.publish(UnitEventTypes.UNIT_CREATED, unit);
        events.publishAffectedGroups(unit);
        return UnitView.of(unit);
    }

    @Transactional
    public UnitView update(UUID id, long expectedVersion, UpdateUnitRequest request) {
        Unit unit = require(id);
        EntityTags.checkVersion(expectedVersion, unit.version, "Unit " + id);
        UnitKind previousKind = unit.kind;
        Set<UUID> previousMembers = Set.copyOf(unit.memberIds);
        apply(unit, request);
        nameIndex.checkAvailable(unit);
        units.flush();
        nameIndex.reindex(unit);
        events.publish(UnitEventTypes.UNIT_UPDATED, unit);
        if (previousKind != unit.kind || !previousMembers.equals(unit.memberIds)) {
            events.publishAffectedGroups(unit);
        }
        return UnitView.of(unit);
    }

    /** Units are never deleted: tasks and history keep referring to them. */
    @Transactional
    public UnitView deactivate(UUID id, Long expectedVersion) {
        Unit unit = require(id);
        EntityTags.checkVersion(expectedVersion, unit.version, "Unit " + id);
        if (!unit.active) {
            return UnitView.of(unit);
        }
        unit.active = false;
        unit.updatedAt = OffsetDateTime.now();
        units.flush();
        nameIndex.reindex(unit);
        events.publish(UnitEventTypes.UNIT_DEACTIVATED, unit);
        events.publishAffectedGroups(unit);
        return UnitView.of(unit);
    }

    /**
     * Writes every unit's current state to units.events again. For recovery: consumers build their read models from
     * the topic alone, so a broker whose data was lost (or a new consumer) needs the full state once more.
     */
    @Transactional
    public int republishAll() {
        List<Unit> all = units.listAll();
        all.forEach(unit -> events.publish(UnitEventTypes.UNIT_UPDATED, unit));
        return all.size();
    }

    @Transactional
    public MembersView members(UUID id) {
        Unit group = require(id);
        if (!group.isGroup()) {
            throw ProblemException.conflict("not-a-group", "Unit " + group.code + " is not a group and has no members");
        }
        return new MembersView(group.id, group.membership, expansion.expand(group).stream().map(UnitView::of).toList());
    }

    @Transactional
    public UnitView replaceContacts(UUID id, Long expectedVersion, List<ContactData> contacts) {
        Unit unit = require(id);
        EntityTags.checkVersion(expectedVersion, unit.version, "Unit " + id);
        List<ContactData> previous = UnitView.of(unit).contacts();
        unit.contacts.clear();
        unit.contacts.addAll(toContacts(contacts));
        unit.updatedAt = OffsetDateTime.now();
        units.flush();
        recordContactChange(unit, previous);
        events.publish(UnitEventTypes.CONTACTS_CHANGED, unit);
        return UnitView.of(unit);
    }

    @Transactional
    public List<ContactChangeView> contactHistory(UUID id) {
        require(id);
        return contactChanges.findByUnit(id).stream()
                .map(c -> new ContactChangeView(c.id, c.changedAt, c.changedBy, c.requestId,
                        readContacts(c.previous), readContacts(c.current)))
                .toList();
    }

    /**
     * Adds a name the unit answers to (the importer remembers how a document wrote it). Idempotent: a name whose match
     * key is already one of the unit's changes nothing and publishes nothing.
     */
    @Transactional
    public UnitView addAlias(UUID id, String alias) {
        Unit unit = require(id);
        String cleaned = ChineseText.clean(alias);
        String key = ChineseText.matchKey(cleaned);
        if (cleaned.isEmpty() || unit.allNames().stream().anyMatch(name -> ChineseText.matchKey(name).equals(key))) {
            return UnitView.of(unit);
        }
        if (unit.aliases.size() >= MAX_ALIASES) {
            throw ProblemException.conflict("too-many-aliases", "Unit " + unit.code + " already has " + MAX_ALIASES
                    + " aliases; replace them with PUT /api/v1/units/" + id);
        }
        unit.aliases.add(cleaned);
        unit.updatedAt = OffsetDateTime.now();
        nameIndex.checkAvailable(unit);
        units.flush();
        nameIndex.reindex(unit);
        events.publish(UnitEventTypes.UNIT_UPDATED, unit);
        return UnitView.of(unit);
    }

    /**
     * Revokes every signed link issued for the unit so far (a calendar subscription that leaked, mails sent to a
     * contact who left): its link version goes up by one, and tasks-service and notifications-service, which learn it
     * from the event, refuse links with an older one and issue new links with this one. Recorded, with who did it.
     */
    @Transactional
    public LinkRevocationView revokeLinks(UUID id) {
        Unit unit = require(id);
        unit.linkVersion++;
        unit.updatedAt = OffsetDateTime.now();
        LinkRevocation revocation = new LinkRevocation();
        revocation.id = UUID.randomUUID();
        revocation.unitId = unit.id;
        revocation.linkVersion = unit.linkVersion;
        revocation.revokedAt = unit.updatedAt;
        revocation.revokedBy = caller.actor();
        revocation.requestId = RequestIds.current();
        linkRevocations.persist(revocation);
        // two revocations at once: one wins, the other is a 409 (optimistic lock, or the unique version per unit)
        units.flush();
        events.publish(UnitEventTypes.LINKS_REVOKED, unit);
        return LinkRevocationView.of(revocation);
    }

    @Transactional
    public List<LinkRevocationView> linkRevocations(UUID id) {
        require(id);
        return linkRevocations.findByUnit(id).stream().map(LinkRevocationView::of).toList();
    }

    private Unit require(UUID id) {
        Unit unit = units.findById(id);
        if (unit == null) {
            throw ProblemException.notFound("Unit", id);
        }
        return unit;
    }

    private void apply(Unit unit, UnitDefinition definition) {
        unit.name = ChineseText.clean(definition.name());
        if (unit.name.isEmpty() || unit.name.length() > 100) {
            throw ProblemException.invalidField("name", "must be 1 to 100 characters");
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (String alias : definition.aliases() == null ? List.<String>of() : definition.aliases()) {
            String cleaned = ChineseText.clean(alias);
            if (!cleaned.equals(unit.name)) {
                aliases.add(cleaned);
            }
        }
        unit.aliases.clear();
        unit.aliases.addAll(aliases);
        unit.kind = definition.kind();
        unit.parentId = checkedParent(unit, definition.parentId());
        applyMembership(unit, definition);
        unit.updatedAt = OffsetDateTime.now();
    }

    private UUID checkedParent(Unit unit, UUID parentId) {
        if (parentId == null) {
            return null;
        }
        if (parentId.equals(unit.id)) {
            throw ProblemException.unprocessable("invalid-parent", "A unit cannot be its own parent");
        }
        if (units.findById(parentId) == null) {
            throw ProblemException.unprocessable("unknown-unit", "Parent unit " + parentId + " does not exist");
        }
        return parentId;
    }

    private void applyMembership(Unit unit, UnitDefinition definition) {
        List<UUID> memberIds = definition.memberIds() == null ? List.of() : definition.memberIds();
        if (unit.kind != UnitKind.GROUP) {
            if (definition.membership() != null || definition.memberKind() != null || !memberIds.isEmpty()) {
                throw ProblemException.invalidField("membership", "only a GROUP unit has membership and members");
            }
            unit.membership = null;
            unit.memberKind = null;
            unit.memberIds.clear();
            return;
        }
        GroupMembership membership = definition.membership() == null ? GroupMembership.FIXED : definition.membership();
        if (membership == GroupMembership.ALL_OF_KIND) {
            if (definition.memberKind() == null || definition.memberKind() == UnitKind.GROUP) {
                throw ProblemException.invalidField("memberKind", "an ALL_OF_KIND group needs a non-group memberKind");
            }
        } else if (definition.memberKind() != null) {
            throw ProblemException.invalidField("memberKind", "only an ALL_OF_KIND group has a memberKind");
        }
        if (membership != GroupMembership.FIXED && !memberIds.isEmpty()) {
            throw ProblemException.invalidField("memberIds", "only a FIXED group lists its members");
        }
        Set<UUID> members = new LinkedHashSet<>(memberIds);
        if (members.contains(unit.id) || expansion.wouldContainItself(unit.id, members)) {
            throw ProblemException.unprocessable("group-contains-itself",
                    "A group cannot contain itself, directly or through another group");
        }
        List<UUID> unknown = new ArrayList<>(members);
        units.findByIds(members).forEach(found -> unknown.remove(found.id));
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("unknown-unit", "Member units do not exist: " + unknown);
        }
        unit.membership = membership;
        unit.memberKind = membership == GroupMembership.ALL_OF_KIND ? definition.memberKind() : null;
        unit.memberIds.clear();
        unit.memberIds.addAll(members);
    }

    private static List<Contact> toContacts(List<ContactData> contacts) {
        if (contacts == null) {
            return new ArrayList<>();
        }
        List<Contact> result = new ArrayList<>();
        for (ContactData c : contacts) {
            result.add(new Contact(ChineseText.clean(c.name()), ChineseText.clean(c.role()),
                    c.email() == null ? null : c.email().strip(), c.phone() == null ? null : c.phone().strip()));
        }
        return result;
    }

    /** A handover record names whoever handed over: the caller of this request. */
    private void recordContactChange(Unit unit, List<ContactData> previous) {
        ContactChange change = new ContactChange();
        change.id = UUID.randomUUID();
        change.unitId = unit.id;
        change.changedAt = OffsetDateTime.now();
        change.changedBy = caller.actor();
        change.requestId = RequestIds.current();
        change.previous = writeContacts(previous);
        change.current = writeContacts(UnitView.of(unit).contacts());
        contactChanges.persist(change);
    }

    private String writeContacts(List<ContactData> contacts) {
        try {
            return objectMapper.writeValueAsString(contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ContactData> readContacts(String json) {
        try {
            return Objects.requireNonNullElse(objectMapper.readValue(json, CONTACT_LIST), List.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt contact history row", e);
        }
    }
}
