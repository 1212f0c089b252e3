#include "windows_trust.hpp"

#define CERT_CHAIN_PARA_HAS_EXTRA_FIELDS
#include <windows.h>

#include <wincrypt.h>

#include <atomic>
#include <memory>

namespace careplan::api {
namespace {

struct CertDeleter {
    void operator()(PCCERT_CONTEXT cert) const { CertFreeCertificateContext(cert); }
};
struct ChainDeleter {
    void operator()(PCCERT_CHAIN_CONTEXT chain) const { CertFreeCertificateChain(chain); }
};
struct StoreDeleter {
    void operator()(HCERTSTORE store) const { CertCloseStore(store, 0); }
};
using Store = std::unique_ptr<void, StoreDeleter>;

constexpr DWORD encoding = X509_ASN_ENCODING | PKCS_7_ASN_ENCODING;

// Set once Windows could not reach a revocation server: later checks of this
// run take only what Windows has cached, so that behind a firewall that drops
// that traffic not every request waits revocation_fetch_ms (each request is a
// new connection).
std::atomic<bool> revocation_unreachable{false};

// The intermediates the server sent, for Windows to build the chain with.
Store store_of(const ServerChain& chain) {
    Store store{CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, nullptr)};
    if (!store) return store;
    for (std::size_t i = 1; i < chain.size(); ++i) {
        CertAddEncodedCertificateToStore(store.get(), encoding, chain[i].data(),
                                         static_cast<DWORD>(chain[i].size()), CERT_STORE_ADD_ALWAYS, nullptr);
    }
    return store;
}

// Unknown or unreachable revocation status: not a reason to refuse.
constexpr DWORD revocation_unknown = CERT_TRUST_REVOCATION_STATUS_UNKNOWN | CERT_TRUST_IS_OFFLINE_REVOCATION;
// SECURITY_FLAG_IGNORE_REVOCATION of wininet.h: the SSL policy step leaves
// revocation to the chain status checked before it (a revoked certificate
// has already failed there).
constexpr DWORD policy_ignores_revocation = 0x00000080;

}  // namespace

bool windows_trusts_server(const ServerChain& chain) {
    if (chain.empty()) return false;
    const std::unique_ptr<const CERT_CONTEXT, CertDeleter> cert{
        CertCreateCertificateContext(encoding, chain[0].data(), static_cast<DWORD>(chain[0].size()))};
    if (!cert) return false;
    const Store intermediates = store_of(chain);

    CERT_CHAIN_PARA para{};
    para.cbSize = sizeof para;
    para.dwUrlRetrievalTimeout = revocation_fetch_ms;
    PCCERT_CHAIN_CONTEXT raw_chain = nullptr;
    DWORD flags = CERT_CHAIN_REVOCATION_CHECK_END_CERT | CERT_CHAIN_REVOCATION_ACCUMULATIVE_TIMEOUT;
    if (revocation_unreachable) flags |= CERT_CHAIN_REVOCATION_CHECK_CACHE_ONLY;
    if (!CertGetCertificateChain(nullptr, cert.get(), nullptr, intermediates.get(), &para, flags, nullptr,
                                 &raw_chain) ||
        !raw_chain) {
        return false;
    }
    const std::unique_ptr<const CERT_CHAIN_CONTEXT, ChainDeleter> built{raw_chain};
    if (built->TrustStatus.dwErrorStatus & CERT_TRUST_IS_OFFLINE_REVOCATION) revocation_unreachable = true;
    if ((built->TrustStatus.dwErrorStatus & ~revocation_unknown) != CERT_TRUST_NO_ERROR) return false;

    SSL_EXTRA_CERT_CHAIN_POLICY_PARA ssl{};
    ssl.cbSize = sizeof ssl;
    ssl.dwAuthType = AUTHTYPE_SERVER;
    ssl.fdwChecks = policy_ignores_revocation;
    CERT_CHAIN_POLICY_PARA policy{};
    policy.cbSize = sizeof policy;
    policy.dwFlags = CERT_CHAIN_POLICY_IGNORE_ALL_REV_UNKNOWN_FLAGS;
    policy.pvExtraPolicyPara = &ssl;
    CERT_CHAIN_POLICY_STATUS status{};
    status.cbSize = sizeof status;
    return CertVerifyCertificateChainPolicy(CERT_CHAIN_POLICY_SSL, built.get(), &policy, &status) &&
           status.dwError == 0;
}

}  // namespace careplan::api
