#pragma once
// Server certificates checked the way Windows checks them for the office's
// browser (Windows only).

#include <vector>

namespace careplan::api {

// Fetching revocation status takes at most this long in all, and is not
// tried again in the same run once it could not be reached.
inline constexpr unsigned revocation_fetch_ms = 2000;

// The certificates a server sent (DER), its own first, then the
// intermediates it sent along.
using ServerChain = std::vector<std::vector<unsigned char>>;

// True when the server's certificate chains to a root of the Windows
// certificate stores (through the intermediates it sent, or ones Windows
// fetches as it does for browsers), is valid now for server authentication, and is not
// reported revoked. A revocation status that cannot be fetched (no CRL or
// OCSP address, an office firewall in the way) does not fail it: browsers go
// on in that case too. The host name is left to httplib's check, which also
// matches IP addresses (Wine's SSL policy does not).
bool windows_trusts_server(const ServerChain& chain);

}  // namespace careplan::api
