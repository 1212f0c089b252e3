// The IME around the text fields: each field's input mode, the calls made
// as the focus moves between fields, and where the IME windows go.

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "careplan/core/ime.hpp"

using namespace careplan::core;

namespace {

// Records every write; reads give the state last written (as imm32 does).
class FakeIme : public ImeSwitch {
  public:
    explicit FakeIme(std::optional<ImeState> state) : state_(state) {}
    std::optional<ImeState> read() override {
        ++reads;
        return state_;
    }
    void write(const ImeState& state, std::string_view field) override {
        writes.push_back({state, std::string(field)});
        state_ = state;
    }
    struct Write {
        ImeState state;
        std::string field;
        bool operator==(const Write&) const = default;
    };
    std::vector<Write> writes;
    int reads = 0;

  private:
    std::optional<ImeState> state_;
};

constexpr std::uint32_t romaji = 0x10;  // IME_CMODE_ROMAN: the user's, never touched
const ImeState user_state{true, ime_native | ime_full_shape | romaji};
const ImeState hiragana{true, ime_native | ime_full_shape | romaji};
const ImeState katakana{true, ime_native | ime_full_shape | ime_katakana | romaji};
const ImeState closed{false, ime_native | ime_full_shape | romaji};

std::pair<std::string_view, FieldKind> field(std::string_view name, FieldKind kind) { return {name, kind}; }

}  // namespace

TEST_CASE("each field's input mode is a rule of the form") {
    CHECK(ime_mode_for(FieldKind::name) == ImeMode::hiragana);
    CHECK(ime_mode_for(FieldKind::kana) == ImeMode::katakana);
    for (FieldKind kind : {FieldKind::user_id, FieldKind::password, FieldKind::email, FieldKind::phone,
                           FieldKind::office_number})
        CHECK(ime_mode_for(kind) == ImeMode::direct);
    CHECK(ime_mode_for(FieldKind::free_text) == ImeMode::keep);
    CHECK(ime_mode_for(FieldKind::plain) == ImeMode::keep);
}

TEST_CASE("a mode changes only its own conversion bits") {
    const ImeState half_alnum{false, romaji};
    CHECK(ime_state_for(ImeMode::hiragana, half_alnum) ==
          ImeState{true, romaji | ime_native | ime_full_shape});
    CHECK(ime_state_for(ImeMode::katakana, half_alnum) ==
          ImeState{true, romaji | ime_native | ime_full_shape | ime_katakana});
    // From katakana to hiragana the katakana bit goes.
    CHECK(ime_state_for(ImeMode::hiragana, katakana) == hiragana);
    CHECK(ime_state_for(ImeMode::direct, katakana) == ImeState{false, katakana.conversion});
    CHECK(ime_state_for(ImeMode::keep, katakana) == katakana);
}

TEST_CASE("moving the focus through the form sets each field's mode and gives the user's back") {
    FakeIme ime{user_state};
    ImeFieldModes modes{ime};
    using W = FakeIme::Write;

    modes.focus(std::nullopt);
    CHECK(ime.writes.empty());

    modes.focus(field("applicant_name", FieldKind::name));
    modes.focus(field("applicant_name", FieldKind::name));  // the next frames: no new call
    CHECK(ime.writes == std::vector<W>{{hiragana, "applicant_name"}});

    modes.focus(field("applicant_kana", FieldKind::kana));
    modes.focus(field("email", FieldKind::email));
    modes.focus(field("phone", FieldKind::phone));
    CHECK(ime.writes == std::vector<W>{{hiragana, "applicant_name"},
                                       {katakana, "applicant_kana"},
                                       {closed, "email"},
                                       {closed, "phone"}});
    CHECK(ime.reads == 1);  // the user's state is read once, before the first field

    modes.focus(std::nullopt);  // the focus leaves the form: the user's own state
    CHECK(ime.writes.back() == W{user_state, ""});
    CHECK(ime.writes.size() == 5);
}

TEST_CASE("a field without a mode gives the user's state back and leaves it alone") {
    FakeIme ime{ImeState{false, romaji}};
    ImeFieldModes modes{ime};
    modes.focus(field("user_id", FieldKind::user_id));
    modes.focus(field("message", FieldKind::free_text));
    modes.focus(std::nullopt);
    REQUIRE(ime.writes.size() == 2);
    CHECK(ime.writes[0].state == ImeState{false, romaji});
    CHECK(ime.writes[1] == FakeIme::Write{ImeState{false, romaji}, ""});
}

TEST_CASE("the user's own change while in a field is not kept: leaving gives the state from before") {
    FakeIme ime{user_state};
    ImeFieldModes modes{ime};
    modes.focus(field("applicant_kana", FieldKind::kana));
    ime.write(ImeState{true, ime_native}, "");  // the user pressed 半角/全角 etc.
    modes.focus(std::nullopt);
    CHECK(ime.writes.back().state == user_state);
    // The next time, the state read is the one the user has then.
    modes.focus(field("user_id", FieldKind::user_id));
    CHECK(ime.reads == 2);
}

TEST_CASE("without an input context nothing is written") {
    FakeIme ime{std::nullopt};
    ImeFieldModes modes{ime};
    modes.focus(field("applicant_name", FieldKind::name));
    modes.focus(std::nullopt);
    CHECK(ime.writes.empty());
}

TEST_CASE("the composition window starts at the caret, the candidates below its line") {
    // ImGui's caret top-left at (120.4, 200), a 20-unit line, at 100 %.
    const ImePlacement p = ime_placement({120.4f, 200.0f, 20.0f}, 0, 0, 1.0f);
    CHECK(p.composition == ImePoint{120, 200});
    CHECK(p.candidate == ImePoint{120, 220});
    CHECK(p.exclude == ImeRect{120, 200, 121, 220});
}

TEST_CASE("the placement is in client pixels: the framebuffer scale and the viewport's origin") {
    // A framebuffer twice the window's size (a high-dpi screen where window
    // coordinates are not pixels) and a viewport not at 0,0.
    const ImePlacement p = ime_placement({110.0f, 60.0f, 16.0f}, 10.0f, 20.0f, 2.0f);
    CHECK(p.composition == ImePoint{200, 80});
    CHECK(p.candidate == ImePoint{200, 112});
    CHECK(p.exclude == ImeRect{200, 80, 202, 112});
    // A zoomed UI (200 %) has a taller line in ImGui's own units: the
    // exclusion follows it.
    const ImePlacement zoomed = ime_placement({110.0f, 60.0f, 32.0f}, 0, 0, 1.0f);
    CHECK(zoomed.exclude == ImeRect{110, 60, 111, 92});
}
