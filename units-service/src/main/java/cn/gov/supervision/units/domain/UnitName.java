package cn.gov.supervision.units.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * One name or alias of a unit under its match key. The table is the lookup index for name resolution and, through a
 * unique index over active rows, the guarantee that no two active units share a name.
 */
@Entity
@Table(name = "unit_name")
@IdClass(UnitName.Key.class)
public class UnitName {

    @Id
    @Column(name = "unit_id")
    public UUID unitId;

    @Id
    @Column(name = "match_key")
    public String matchKey;

    @Column(nullable = false)
    public String name;

    @Column(name = "is_alias", nullable = false)
    public boolean alias;

    @Column(nullable = false)
    public boolean active;

    public static class Key implements Serializable {
        public UUID unitId;
        public String matchKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(unitId, k.unitId) && Objects.equals(matchKey, k.matchKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(unitId, matchKey);
        }
    }
}
