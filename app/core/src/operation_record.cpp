#include "careplan/core/operation_record.hpp"

#include <algorithm>
#include <utility>

#include "careplan/core/strings.hpp"
#include "careplan/core/text_keys.hpp"
#include "utf8.hpp"

namespace careplan::core {

namespace {

// Breaks a line in some editors or readers (NEL, LINE / PARAGRAPH SEPARATOR).
bool is_line_break(char32_t cp) { return cp == 0x85 || cp == 0x2028 || cp == 0x2029; }

// One line of script text: every control character and line break becomes a
// space (a typed newline must not start a command of its own), invalid
// UTF-8 is dropped, the text is cut at max_text_bytes on a character
// boundary and trimmed.
std::string one_line(std::string_view text) {
    std::string out;
    bool full = false;
    utf8::for_each(text, [&](const utf8::Step& step, std::string_view bytes) {
        if (!step.valid || full) return;
        const char32_t cp = step.code_point;
        const bool blank = cp < 0x20 || cp == 0x7F || is_line_break(cp);
        full = out.size() + bytes.size() > OperationRecord::max_text_bytes;
        if (full) return;
        if (blank)
            out += ' ';
        else
            out += bytes;
    });
    return std::string{trim(out)};
}

// A label of `type`: " = " separates it from the text, so it must not hold one.
std::string type_label(std::string_view label) {
    std::string out = one_line(label);
    for (auto at = out.find(" = "); at != std::string::npos; at = out.find(" = ")) out.replace(at, 3, " ");
    return out;
}

}  // namespace

std::string placeholder_for(FieldKind kind) {
    switch (kind) {
        case FieldKind::plain: return {};
        case FieldKind::name: return tr(texts::operation_record::placeholder::name);
        case FieldKind::kana: return tr(texts::operation_record::placeholder::kana);
        case FieldKind::email: return "sample@example.com";  // example.com: reserved, reaches no one
        case FieldKind::phone: return "03-0000-0000";
        case FieldKind::office_number: return "0000000000";
        case FieldKind::user_id: return "KJ00000000";
        case FieldKind::password: return "********";
        case FieldKind::free_text: return tr(texts::operation_record::placeholder::message);
    }
    return {};
}

ApplicationInput placeholder_application() {
    ApplicationInput form;
    form.applicant_name = placeholder_for(FieldKind::name);
    form.applicant_kana = placeholder_for(FieldKind::kana);
    form.email = form.email_confirm = placeholder_for(FieldKind::email);
    form.phone = placeholder_for(FieldKind::phone);
    form.office_number = placeholder_for(FieldKind::office_number);
    form.agree_terms = form.agree_privacy = true;
    return form;
}

OperationRecord::OperationRecord(DemoLogin login) : login_(std::move(login)) {}

void OperationRecord::add(std::string line) {
    lines_.push_back(std::move(line));
    if (lines_.size() > max_lines) {
        lines_.pop_front();
        ++dropped_;
    }
}

void OperationRecord::click(std::string_view label) {
    if (std::string text = one_line(label); !text.empty()) add("click " + text);
}

void OperationRecord::typed(std::string_view label, FieldKind kind, std::string_view value) {
    const std::string field = type_label(label);
    std::string text = kind == FieldKind::plain      ? one_line(value)
                       : value.empty()               ? std::string{}
                       : kind == FieldKind::user_id  ? login_.user_id
                       : kind == FieldKind::password ? login_.password
                                                     : placeholder_for(kind);
    text = one_line(text);
    if (!field.empty() && !text.empty()) add("type " + field + " = " + text);
}

void OperationRecord::key(std::string_view name) {
    if (std::string text = one_line(name); !text.empty()) add("key " + text);
}

void OperationRecord::scroll(std::string_view label) {
    if (std::string text = one_line(label); !text.empty()) add("scroll " + text);
}

void OperationRecord::screen_shown(std::string_view code) {
    std::string text = one_line(code);
    if (text.empty() || text == last_screen_) return;
    last_screen_ = text;
    add("wait-screen " + text);
}

std::string OperationRecord::script() const {
    std::string out;
    auto comment = [&out](std::string_view text) {
        for (std::size_t start = 0; start <= text.size();) {
            const auto end = std::min(text.find('\n', start), text.size());
            if (end > start) out += "# " + std::string{text.substr(start, end - start)} + "\n";
            start = end + 1;
        }
    };
    comment(tr(texts::operation_record::header, {{"count", static_cast<int>(lines_.size())}}));
    if (dropped_ > 0) comment(tr(texts::operation_record::dropped, {{"count", static_cast<int>(dropped_)}}));
    for (const std::string& line : lines_) out += line + "\n";
    return out;
}

}  // namespace careplan::core
