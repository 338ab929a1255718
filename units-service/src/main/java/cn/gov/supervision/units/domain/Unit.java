package cn.gov.supervision.units.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A responsible unit (责任单位): a department, a district government, an enterprise, or a group of units. */
@Entity
@Table(name = "unit")
public class Unit {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 64)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitKind kind;

    @Column(name = "parent_id")
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    public GroupMembership membership;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_kind")
    public UnitKind memberKind;

    @Column(nullable = false)
    public boolean active = true;

    @Column(nullable = false)
    public boolean announced;

    @Version
    public long version;

    /**
     * Signed links for this unit (calendar subscriptions, acknowledgement links) carry this number; revoking them
     * bumps it, and the other services, which learn it from units.events, refuse every link with an older one.
     */
    @Column(name = "link_version", nullable = false)
    public long linkVersion = 1;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    // a list or a resolve batch of up to 200 units loads each collection in one statement (Quarkus's default batch of
    // 16 took two per collection for the thirty names of an imported plan)
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 200)
    @CollectionTable(name = "unit_alias", joinColumns = @JoinColumn(name = "unit_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias", nullable = false, length = 100)
    public List<String> aliases = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 200)
    @CollectionTable(name = "unit_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "member_id", nullable = false)
    public Set<UUID> memberIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 200)
    @CollectionTable(name = "unit_contact", joinColumns = @JoinColumn(name = "unit_id"))
    @OrderColumn(name = "position")
    public List<Contact> contacts = new ArrayList<>();

    public boolean isGroup() {
        return kind == UnitKind.GROUP;
    }

    /** All names the unit answers to, its official name first. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(name);
        names.addAll(aliases);
        return names;
    }
}
