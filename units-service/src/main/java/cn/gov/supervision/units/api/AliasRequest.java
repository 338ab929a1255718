package cn.gov.supervision.units.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Another name a unit answers to, as a document writes it (traditional characters are stored simplified). */
public record AliasRequest(@NotBlank @Size(max = 100) String alias) {
}
