package org.imrflow.guidelines;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.imrflow.cases.Determination;

/** The surgery an associated service depends on, when it is disputed in the same case (API.md §7). */
@Schema(description = "The surgery an associated service (\"Associated surgical service: ...\") depends on, when it is"
    + " disputed in the same case; decide the surgery first. determination null: not decided yet.")
public record LinkedSurgery(@Size(max = 1000) String description, Determination determination) {
}
