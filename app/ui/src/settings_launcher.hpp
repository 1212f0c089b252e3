#pragma once
// The seam between the S08 one-click remedies and Windows: the flow chooses
// what to open (core::settings_launch), a launcher opens it. The system one
// calls ShellExecuteW; the trace one (hidden option --launch-trace FILE, for
// the GUI tests) writes what would be opened instead; tests use fakes.
#include <filesystem>
#include <memory>

#include "careplan/core/settings_page.hpp"

namespace careplan::ui {

class SettingsLauncher {
  public:
    virtual ~SettingsLauncher() = default;
    // False when the page could not be opened.
    virtual bool open(const core::SettingsLaunch& launch) = 0;
};

// ShellExecuteW on Windows. Elsewhere there is no page to open (S08 shows no
// button there), so it refuses.
std::unique_ptr<SettingsLauncher> system_settings_launcher();

// Appends "FILE PARAMETERS" as one line to `trace` and opens nothing.
std::unique_ptr<SettingsLauncher> tracing_settings_launcher(std::filesystem::path trace);

}  // namespace careplan::ui
