package org.beiqin.drill;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The parts of a drill kept with it as JSON: participating units, participants, supplies to draw
 * and objective ratings. A draft may lack a unit's contact or a participant's task; approval may not.
 */
public final class Parts {

    private Parts() {
    }

    /** 参演单位, with its named contact (联系人) and phone. */
    public record Unit(@NotBlank @Size(max = 200) String name, @Size(max = 100) String contact,
            @Size(max = 40) @Pattern(regexp = "^[0-9+\\- ]{5,40}$") String phone) {

        public boolean hasContact() {
            return contact != null && !contact.isBlank() && phone != null && !phone.isBlank();
        }
    }

    /** 参演人员, with the task (岗位任务) they are to perform. */
    public record Participant(@NotBlank @Size(max = 100) String name, @Size(max = 200) String unit,
            @Size(max = 500) String role) {

        public boolean hasRole() {
            return role != null && !role.isBlank();
        }
    }

    /** A supply the drill is to draw from a warehouse. */
    public record Supply(@NotBlank @Size(max = 100) String warehouseId, @NotBlank @Size(max = 100) String itemId,
            @NotBlank @Size(max = 200) String itemName, @NotNull @Positive @DecimalMax("1000000") BigDecimal quantity,
            @Size(max = 20) String unit) {
    }

    /**
     * An objective's rating in the after-action report (HSEEP): P performed without challenges, S
     * with some challenges, M with major challenges, U unable to be performed.
     */
    public record Rating(@NotNull @Min(1) Integer objective, @NotNull @Pattern(regexp = "^[PSMU]$") String rating,
            @Size(max = 2000) String notes) {
    }
}
