#pragma once
// The demo offices of DESIGN.md ("Running the service, and its demo offices").

#include <string_view>

#include "careplan/core/license.hpp"
#include "careplan/service/service.hpp"
#include "careplan/service/store.hpp"
#include "crypto.hpp"

namespace careplan::service {

// The one-year period that ends on `valid_until` (its valid_from is
// valid_until - 1 year + 1 day, read so that one_year_period_end agrees).
core::Period period_ending(core::Date valid_until);

// Adds whatever of the seven demo offices is missing, relative to `today`.
// Never touches what exists: a demo office's application survives restarts.
void seed_demo(Store& store, core::Date today, const Argon2Params& argon2);

}  // namespace careplan::service
