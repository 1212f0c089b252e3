#include "careplan/platform/inflate.hpp"

#include <algorithm>
#include <array>

namespace careplan::platform {
namespace {

constexpr int max_bits = 15;

// Reads the stream least-significant bit first, as DEFLATE packs it.
class BitReader {
 public:
  explicit BitReader(std::span<const std::uint8_t> in) : in_(in) {}

  // Returns -1 once the input is exhausted.
  int bits(int count) {
    while (held_ < count) {
      if (pos_ >= in_.size()) return -1;
      buffer_ |= static_cast<std::uint32_t>(in_[pos_++]) << held_;
      held_ += 8;
    }
    const int value = static_cast<int>(buffer_ & ((1u << count) - 1u));
    buffer_ >>= count;
    held_ -= count;
    return value;
  }

  void align_to_byte() {
    buffer_ = 0;
    held_ = 0;
  }

  std::span<const std::uint8_t> take_bytes(std::size_t n) {
    if (in_.size() - pos_ < n) return {};
    auto out = in_.subspan(pos_, n);
    pos_ += n;
    return out;
  }

 private:
  std::span<const std::uint8_t> in_;
  std::size_t pos_ = 0;
  std::uint32_t buffer_ = 0;
  int held_ = 0;
};

// Canonical Huffman code built from code lengths; decoded one bit at a time,
// which is fast enough for a few megabytes at start-up.
struct Huffman {
  std::array<std::uint16_t, max_bits + 1> count{};
  std::vector<std::uint16_t> symbols;

  bool build(std::span<const std::uint8_t> lengths) {
    count.fill(0);
    for (auto len : lengths) ++count[len];
    count[0] = 0;
    int left = 1;
    for (int len = 1; len <= max_bits; ++len) {
      left = (left << 1) - count[len];
      if (left < 0) return false;  // over-subscribed
    }
    std::array<std::uint16_t, max_bits + 2> offset{};
    for (int len = 1; len <= max_bits; ++len) offset[len + 1] = offset[len] + count[len];
    symbols.assign(lengths.size(), 0);
    for (std::size_t sym = 0; sym < lengths.size(); ++sym)
      if (lengths[sym] != 0) symbols[offset[lengths[sym]]++] = static_cast<std::uint16_t>(sym);
    return true;
  }

  int decode(BitReader& in) const {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= max_bits; ++len) {
      const int bit = in.bits(1);
      if (bit < 0) return -1;
      code |= bit;
      const int n = count[len];
      if (code - n < first) return symbols[index + (code - first)];
      index += n;
      first = (first + n) << 1;
      code <<= 1;
    }
    return -1;
  }
};

constexpr std::array<std::uint16_t, 29> length_base{3,  4,  5,  6,  7,  8,  9,  10, 11, 13,
                                                    15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                                    67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> length_extra{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                    2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> dist_base{
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> dist_extra{0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                  6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

class Inflater {
 public:
  Inflater(std::span<const std::uint8_t> in, std::size_t max_output)
      : in_(in), max_output_(max_output) {}

  bool run() {
    for (;;) {
      const int last = in_.bits(1);
      const int type = in_.bits(2);
      if (last < 0 || type < 0) return false;
      bool ok = false;
      if (type == 0) ok = stored_block();
      else if (type == 1) ok = fixed_block();
      else if (type == 2) ok = dynamic_block();
      if (!ok) return false;
      if (last == 1) return true;
    }
  }

  std::vector<std::uint8_t> out;

 private:
  bool stored_block() {
    in_.align_to_byte();
    auto header = in_.take_bytes(4);
    if (header.size() != 4) return false;
    const unsigned len = header[0] | (header[1] << 8);
    const unsigned nlen = header[2] | (header[3] << 8);
    if ((len ^ 0xFFFFu) != nlen) return false;
    auto data = in_.take_bytes(len);
    if (data.size() != len || out.size() + len > max_output_) return false;
    out.insert(out.end(), data.begin(), data.end());
    return true;
  }

  bool fixed_block() {
    std::array<std::uint8_t, 288> lit{};
    for (int i = 0; i < 144; ++i) lit[i] = 8;
    for (int i = 144; i < 256; ++i) lit[i] = 9;
    for (int i = 256; i < 280; ++i) lit[i] = 7;
    for (int i = 280; i < 288; ++i) lit[i] = 8;
    std::array<std::uint8_t, 30> dist{};
    dist.fill(5);
    Huffman l, d;
    return l.build(lit) && d.build(dist) && codes(l, d);
  }

  bool dynamic_block() {
    const int nlen = in_.bits(5), ndist = in_.bits(5), ncode = in_.bits(4);
    if (nlen < 0 || ndist < 0 || ncode < 0) return false;
    constexpr std::array<std::uint8_t, 19> order{16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                 11, 4,  12, 3, 13, 2, 14, 1, 15};
    std::array<std::uint8_t, 19> code_lengths{};
    for (int i = 0; i < ncode + 4; ++i) {
      const int v = in_.bits(3);
      if (v < 0) return false;
      code_lengths[order[i]] = static_cast<std::uint8_t>(v);
    }
    Huffman lencode;
    if (!lencode.build(code_lengths)) return false;
    std::vector<std::uint8_t> lengths(static_cast<std::size_t>(nlen + 257 + ndist + 1), 0);
    for (std::size_t i = 0; i < lengths.size();) {
      const int sym = lencode.decode(in_);
      if (sym < 0) return false;
      if (sym < 16) {
        lengths[i++] = static_cast<std::uint8_t>(sym);
        continue;
      }
      int repeat = 0;
      std::uint8_t value = 0;
      if (sym == 16) {
        if (i == 0) return false;
        value = lengths[i - 1];
        repeat = 3 + in_.bits(2);
      } else if (sym == 17) {
        repeat = 3 + in_.bits(3);
      } else {
        repeat = 11 + in_.bits(7);
      }
      if (repeat < 3 || i + static_cast<std::size_t>(repeat) > lengths.size()) return false;
      for (int r = 0; r < repeat; ++r) lengths[i++] = value;
    }
    if (lengths[256] == 0) return false;  // no end-of-block code
    Huffman l, d;
    std::span<const std::uint8_t> all(lengths);
    return l.build(all.first(nlen + 257)) && d.build(all.subspan(nlen + 257)) && codes(l, d);
  }

  bool codes(const Huffman& lit, const Huffman& dist) {
    for (;;) {
      const int sym = lit.decode(in_);
      if (sym < 0 || sym > 285) return false;
      if (sym == 256) return true;
      if (sym < 256) {
        if (out.size() >= max_output_) return false;
        out.push_back(static_cast<std::uint8_t>(sym));
        continue;
      }
      const int li = sym - 257;
      const int lextra = in_.bits(length_extra[li]);
      const int dsym = dist.decode(in_);
      if (lextra < 0 || dsym < 0 || dsym > 29) return false;
      const int dextra = in_.bits(dist_extra[dsym]);
      if (dextra < 0) return false;
      const std::size_t length = length_base[li] + lextra;
      const std::size_t distance = dist_base[dsym] + dextra;
      if (distance > out.size() || out.size() + length > max_output_) return false;
      const std::size_t from = out.size() - distance;
      for (std::size_t k = 0; k < length; ++k) out.push_back(out[from + k]);
    }
  }

  BitReader in_;
  std::size_t max_output_;
};

}  // namespace

std::optional<std::vector<std::uint8_t>> inflate_raw(std::span<const std::uint8_t> input,
                                                     std::size_t max_output) {
  Inflater inflater(input, max_output);
  inflater.out.reserve(std::min(max_output, input.size() * 2));
  if (!inflater.run()) return std::nullopt;
  return std::move(inflater.out);
}

}  // namespace careplan::platform
