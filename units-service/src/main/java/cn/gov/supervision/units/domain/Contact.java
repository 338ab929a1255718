package cn.gov.supervision.units.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A person to reach at a unit: 联络员 for day-to-day work, 分管领导 for escalations. */
@Embeddable
public class Contact {

    @Column(nullable = false, length = 50)
    public String name;

    @Column(length = 50)
    public String role;

    @Column(length = 254)
    public String email;

    @Column(length = 40)
    public String phone;

    public Contact() {
    }

    public Contact(String name, String role, String email, String phone) {
        this.name = name;
        this.role = role;
        this.email = email;
        this.phone = phone;
    }
}
