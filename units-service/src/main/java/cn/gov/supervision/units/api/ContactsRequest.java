package cn.gov.supervision.units.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

public record ContactsRequest(@NotNull @Size(max = 50) List<@NotNull @Valid ContactData> contacts) {
}
