package cn.gov.supervision.units.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

public record ResolveRequest(@NotEmpty @Size(max = 500) List<@NotNull @Size(max = 200) String> names) {
}
