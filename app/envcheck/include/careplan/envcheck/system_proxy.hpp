#pragma once
// The proxy the PC's own settings name, for the client to follow when the
// user gave none (--proxy, careplan-client.ini).

#include "careplan/core/proxy.hpp"

namespace careplan::envcheck {

// The user's manual proxy setting on Windows; off on other systems.
core::ManualProxySetting manual_proxy_setting();

}  // namespace careplan::envcheck
