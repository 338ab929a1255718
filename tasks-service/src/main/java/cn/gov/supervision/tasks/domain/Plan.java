package cn.gov.supervision.tasks.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A year's work plan (e.g. 2022年全市政务公开工作要点). */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false)
    public int year;

    @Column(length = 200)
    public String issuer;

    /** 索引号 */
    @Column(name = "document_index", length = 100)
    public String documentIndex;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
