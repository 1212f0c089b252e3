#pragma once

namespace careplan::ui {

// Loads the embedded Japanese font into ImGui's atlas. With ImGui 1.92's
// dynamic atlas no glyph ranges are given: any kanji a user types is
// rasterised when first drawn. False if the embedded font is damaged.
bool load_fonts();

}  // namespace careplan::ui
