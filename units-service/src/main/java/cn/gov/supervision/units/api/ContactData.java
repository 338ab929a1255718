package cn.gov.supervision.units.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A contact person; {@code role} is free text such as 联络员 or 分管领导. */
public record ContactData(
        @NotBlank @Size(max = 50) String name,
        @Size(max = 50) String role,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "[0-9+\\-() ]{3,40}", message = "must be a phone number (digits, +, -, parentheses)")
        String phone) {
}
