// A stand-in for `careplan-client --check-env [--json] [--server URL]`, so
// that the Windows probes are tried under Wine before the client wires the
// option in. Same arguments, same output, same exit codes.

#include <cstdio>
#include <string_view>

#include "careplan/envcheck/api_health.hpp"
#include "careplan/envcheck/cli.hpp"

int main(int argc, char** argv) {
    careplan::envcheck::CheckEnvOptions options;
    options.client_version = "envcheck-probe";
    options.server_url = "http://127.0.0.1:8080";
    options.health = careplan::envcheck::health_over_api();
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--json") {
            options.json = true;
        } else if (arg == "--server" && i + 1 < argc) {
            options.server_url = argv[++i];
        } else if (arg != "--check-env") {
            std::fprintf(stderr, "usage: %s --check-env [--json] [--server URL]\n", argv[0]);
            return 64;
        }
    }
    return careplan::envcheck::run_check_env(options, stdout);
}
