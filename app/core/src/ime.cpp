#include "careplan/core/ime.hpp"

#include <algorithm>
#include <cmath>

namespace careplan::core {

ImeMode ime_mode_for(FieldKind kind) {
    switch (kind) {
        case FieldKind::name: return ImeMode::hiragana;
        case FieldKind::kana: return ImeMode::katakana;
        // Typed as ASCII: an IME left on would turn them into full-width
        // text (normalised anyway, but the user sees it change).
        case FieldKind::user_id:
        case FieldKind::password:
        case FieldKind::email:
        case FieldKind::phone:
        case FieldKind::office_number: return ImeMode::direct;
        case FieldKind::plain:
        case FieldKind::free_text: break;
    }
    return ImeMode::keep;
}

ImeState ime_state_for(ImeMode mode, ImeState current) {
    constexpr std::uint32_t ours = ime_native | ime_katakana | ime_full_shape;
    const std::uint32_t others = current.conversion & ~ours;
    switch (mode) {
        case ImeMode::hiragana: return {true, others | ime_native | ime_full_shape};
        case ImeMode::katakana: return {true, others | ime_native | ime_full_shape | ime_katakana};
        // Closed is direct input whatever the conversion; the user's
        // conversion stays for when they open it again.
        case ImeMode::direct: return {false, current.conversion};
        case ImeMode::keep: break;
    }
    return current;
}

void ImeFieldModes::focus(std::optional<std::pair<std::string_view, FieldKind>> field) {
    const std::string_view name = field ? field->first : std::string_view{};
    if (name == focused_) return;
    focused_ = std::string(name);
    const ImeMode mode = field ? ime_mode_for(field->second) : ImeMode::keep;
    if (mode == ImeMode::keep) {
        if (saved_) ime_.write(*saved_, "");
        saved_.reset();
        return;
    }
    // From one field with a mode to the next, the user's state stays the one
    // from before the first: that is what comes back at the end.
    if (!saved_) saved_ = ime_.read();
    if (saved_) ime_.write(ime_state_for(mode, *saved_), name);
}

namespace {
long to_client(float v, float origin, float scale) { return std::lround((v - origin) * scale); }
}  // namespace

ImePlacement ime_placement(const ImeCaret& caret, float origin_x, float origin_y, float scale) {
    const ImePoint top{to_client(caret.x, origin_x, scale), to_client(caret.y, origin_y, scale)};
    const long bottom = to_client(caret.y + caret.line_height, origin_y, scale);
    const long caret_width = std::max(1L, std::lround(scale));
    return {top, {top.x, bottom}, {top.x, top.y, top.x + caret_width, bottom}};
}

}  // namespace careplan::core
