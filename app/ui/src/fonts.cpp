#include "fonts.hpp"

#include <imgui.h>

#include "careplan/assets.hpp"
#include "theme.hpp"

namespace careplan::ui {

// The font stays where the executable holds it (uncompressed, read-only):
// ImGui 1.92 rasterises glyphs on demand from it, so only the pages of the
// glyphs drawn are loaded, and nothing is unpacked or copied at start. ImGui
// copies data it does not own, so the font is handed over as owned, and taken
// back right after, so that the atlas never frees it.
bool load_fonts() {
    const assets::Asset ttf = assets::font_ipaexg();
    if (ttf.deflated || ttf.bytes.size() != ttf.size) return false;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = true;
    void* data = const_cast<std::uint8_t*>(ttf.bytes.data());  // only read
    const ImFont* font = atlas.AddFontFromMemoryTTF(data, static_cast<int>(ttf.size), body_font_px, &config);
    if (!font) return false;
    atlas.Sources.back().FontDataOwnedByAtlas = false;
    return true;
}

}  // namespace careplan::ui
