#include "fonts.hpp"

#include <imgui.h>

#include <algorithm>

#include "careplan/assets.hpp"
#include "theme.hpp"

namespace careplan::ui {

bool load_fonts() {
    auto ttf = assets::unpack(assets::font_ipaexg());
    if (!ttf) return false;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = true;  // the atlas frees it with IM_FREE
    const auto size = static_cast<int>(ttf->size());
    void* data = IM_ALLOC(ttf->size());
    std::copy(ttf->begin(), ttf->end(), static_cast<unsigned char*>(data));
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, size, body_font_px, &config) != nullptr;
}

}  // namespace careplan::ui
