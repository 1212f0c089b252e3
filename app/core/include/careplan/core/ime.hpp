#pragma once
// The Japanese input method (IME) around the text fields: which input mode a
// field wants (a rule of the form: フリガナ is typed in katakana, IDs and
// numbers without conversion), and where the composition and candidate
// windows go. Pure: the Windows side (imm32) is behind ImeSwitch and turns
// ImePlacement into its structures.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "careplan/core/operation_record.hpp"

namespace careplan::core {

enum class ImeMode {
    keep,      // whatever the user has (free text, the walkthrough code)
    hiragana,  // IME on, full-width hiragana (氏名)
    katakana,  // IME on, full-width katakana (フリガナ)
    direct,    // IME off: half-width letters and digits (IDs, mail, numbers)
};

ImeMode ime_mode_for(FieldKind kind);

// The conversion bits this code sets; the same values as Windows'
// IME_CMODE_NATIVE, IME_CMODE_KATAKANA and IME_CMODE_FULLSHAPE (checked
// where imm32 is called). Other bits (romaji input, ...) stay the user's.
inline constexpr std::uint32_t ime_native = 0x1;
inline constexpr std::uint32_t ime_katakana = 0x2;
inline constexpr std::uint32_t ime_full_shape = 0x8;

struct ImeState {
    bool open = false;
    std::uint32_t conversion = 0;
    bool operator==(const ImeState&) const = default;
};

// The state a field of that mode wants, from the user's current one; the
// same state for keep.
ImeState ime_state_for(ImeMode mode, ImeState current);

// The system's IME of the window (imm32 on Windows).
class ImeSwitch {
  public:
    virtual ~ImeSwitch() = default;
    // Nothing when the window has no input context (no IME; not Windows).
    virtual std::optional<ImeState> read() = 0;
    // `field` names the field it is for ("" when the user's own state comes
    // back), for the trace of the tests.
    virtual void write(const ImeState& state, std::string_view field) = 0;
};

// Sets each field's mode while it has the keyboard focus and gives the user
// their own mode back when it loses it.
class ImeFieldModes {
  public:
    explicit ImeFieldModes(ImeSwitch& ime) : ime_(ime) {}
    // Once per frame: the text field that has the keyboard focus, if any, by
    // its field name and kind.
    void focus(std::optional<std::pair<std::string_view, FieldKind>> field);

  private:
    ImeSwitch& ime_;
    std::string focused_;            // "" when no field has the focus
    std::optional<ImeState> saved_;  // the user's state, while a field's mode is set
};

// ---- Where the IME windows go

// What Dear ImGui reports of the caret (ImGuiPlatformImeData): its top-left
// corner and the line height, in ImGui's coordinates.
struct ImeCaret {
    float x = 0;
    float y = 0;
    float line_height = 0;
};

struct ImePoint {
    long x = 0;
    long y = 0;
    bool operator==(const ImePoint&) const = default;
};

struct ImeRect {
    long left = 0, top = 0, right = 0, bottom = 0;
    bool operator==(const ImeRect&) const = default;
};

// In the window's client pixels: the composition window starts at the
// caret; the candidate list starts at the foot of the line and must not
// cover the line (the exclusion rectangle: from the caret, one line high).
struct ImePlacement {
    ImePoint composition;
    ImePoint candidate;
    ImeRect exclude;
    bool operator==(const ImePlacement&) const = default;
};

// `origin` is the ImGui position of the client area's top-left corner (the
// main viewport's), `scale` the client pixels per ImGui unit (the
// framebuffer scale: 1 on Windows, where GLFW's window coordinates are pixels).
ImePlacement ime_placement(const ImeCaret& caret, float origin_x, float origin_y, float scale);

}  // namespace careplan::core
