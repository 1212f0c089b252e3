#include "careplan/envcheck/cli.hpp"

#include "careplan/envcheck/report_format.hpp"

namespace careplan::envcheck {

int exit_code(Outcome overall) {
    switch (overall) {
        case Outcome::ng: return 2;
        case Outcome::warning: return 1;
        case Outcome::ok:
        case Outcome::not_applicable: return 0;
    }
    return 2;
}

int run_check_env(const CheckEnvOptions& options, std::FILE* out) {
    const Facts facts = collect_facts(ProbeOptions{options.server_url, options.client_version,
                                                   options.time_limit, options.health, options.route});
    const Report report = evaluate(facts);
    const std::string text = options.json ? format_json(report) : format_text(report);
    std::fwrite(text.data(), 1, text.size(), out);
    std::fflush(out);
    return exit_code(report.overall);
}

}  // namespace careplan::envcheck
