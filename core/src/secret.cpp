// SHA-256 as FIPS 180-4 section 6.2 describes it, HMAC as RFC 2104 section 2 describes it, and SecretId.
#include "parley/secret.h"

#include <cstddef>

namespace parley {
namespace {

// [SECTION] SHA-256
// -------------------------------------------------------------------------------------------

// FIPS 180-4 section 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64
// primes.
constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// FIPS 180-4 section 5.3.3: the first 32 bits of the fractional parts of the square roots of the first 8
// primes.
constexpr std::uint32_t kInitial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

constexpr std::size_t kBlockBytes = 64;

constexpr std::uint32_t rotr(std::uint32_t x, int n) {
  return (x >> n) | (x << (32 - n));
}
constexpr std::uint32_t ch(std::uint32_t x, std::uint32_t y, std::uint32_t z) {
  return (x & y) ^ (~x & z);
}
constexpr std::uint32_t maj(std::uint32_t x, std::uint32_t y, std::uint32_t z) {
  return (x & y) ^ (x & z) ^ (y & z);
}
constexpr std::uint32_t big_sigma0(std::uint32_t x) {
  return rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22);
}
constexpr std::uint32_t big_sigma1(std::uint32_t x) {
  return rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25);
}
constexpr std::uint32_t small_sigma0(std::uint32_t x) {
  return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3);
}
constexpr std::uint32_t small_sigma1(std::uint32_t x) {
  return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10);
}

using State = std::array<std::uint32_t, 8>;

// Incremental hashing state: feed bytes, then finish once. It may resume from the state after some whole
// blocks (HmacKey's pads), counting their bytes in the message length.
class Sha256 {
 public:
  Sha256() {
    for (std::size_t i = 0; i < 8; ++i) h_[i] = kInitial[i];
  }
  Sha256(const State& state, std::uint64_t bytes_so_far) : h_(state), length_bytes_(bytes_so_far) {}

  State state() const { return h_; }  // after whole blocks only

  void update(std::string_view bytes) {
    for (const char c : bytes) {
      block_[filled_++] = static_cast<std::uint8_t>(c);
      if (filled_ == kBlockBytes) {
        compress();
        filled_ = 0;
      }
    }
    length_bytes_ += bytes.size();
  }

  // Pads (a 1 bit, zeros, the 64-bit big-endian message length in bits) and returns the digest.
  Sha256Digest finish() {
    const std::uint64_t length_bits = length_bytes_ * 8;
    block_[filled_++] = 0x80;
    if (filled_ > kBlockBytes - 8) {
      while (filled_ < kBlockBytes) block_[filled_++] = 0;
      compress();
      filled_ = 0;
    }
    while (filled_ < kBlockBytes - 8) block_[filled_++] = 0;
    for (int i = 7; i >= 0; --i) block_[filled_++] = static_cast<std::uint8_t>(length_bits >> (8 * i));
    compress();
    Sha256Digest digest{};
    for (std::size_t i = 0; i < 8; ++i) {
      digest[4 * i + 0] = static_cast<std::uint8_t>(h_[i] >> 24);
      digest[4 * i + 1] = static_cast<std::uint8_t>(h_[i] >> 16);
      digest[4 * i + 2] = static_cast<std::uint8_t>(h_[i] >> 8);
      digest[4 * i + 3] = static_cast<std::uint8_t>(h_[i]);
    }
    return digest;
  }

 private:
  // One 512-bit block: message schedule, 64 rounds, add into the hash value.
  void compress() {
    std::uint32_t w[64];
    for (std::size_t t = 0; t < 16; ++t) {
      w[t] = (std::uint32_t{block_[4 * t]} << 24) | (std::uint32_t{block_[4 * t + 1]} << 16) |
             (std::uint32_t{block_[4 * t + 2]} << 8) | std::uint32_t{block_[4 * t + 3]};
    }
    for (std::size_t t = 16; t < 64; ++t) {
      w[t] = small_sigma1(w[t - 2]) + w[t - 7] + small_sigma0(w[t - 15]) + w[t - 16];
    }
    std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
    for (std::size_t t = 0; t < 64; ++t) {
      const std::uint32_t t1 = h + big_sigma1(e) + ch(e, f, g) + kRound[t] + w[t];
      const std::uint32_t t2 = big_sigma0(a) + maj(a, b, c);
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
    h_[5] += f;
    h_[6] += g;
    h_[7] += h;
  }

  State h_;
  std::uint8_t block_[kBlockBytes] = {};
  std::size_t filled_ = 0;
  std::uint64_t length_bytes_ = 0;
};

std::string_view as_chars(const Sha256Digest& digest) {
  return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

}  // namespace

// [SECTION] Digests ---------------------------------------------------------------------------------------------------

Sha256Digest sha256(std::string_view message) {
  Sha256 state;
  state.update(message);
  return state.finish();
}

Sha256Digest hmac_sha256(std::string_view key, std::string_view message) {
  return HmacKey(key).mac(message);
}

std::string to_hex(const Sha256Digest& digest) {
  constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  text.reserve(2 * digest.size());
  for (const std::uint8_t byte : digest) {
    text.push_back(kDigits[byte >> 4]);
    text.push_back(kDigits[byte & 0x0f]);
  }
  return text;
}

// [SECTION] HmacKey ---------------------------------------------------------------------------------------------------

HmacKey::HmacKey(std::string_view key) {
  // Keys longer than the block are hashed first; the key is then zero-padded to one block.
  std::uint8_t padded_key[kBlockBytes] = {};
  if (key.size() > kBlockBytes) {
    const Sha256Digest key_digest = sha256(key);
    for (std::size_t i = 0; i < key_digest.size(); ++i) padded_key[i] = key_digest[i];
  } else {
    for (std::size_t i = 0; i < key.size(); ++i) padded_key[i] = static_cast<std::uint8_t>(key[i]);
  }
  char inner_pad[kBlockBytes];
  char outer_pad[kBlockBytes];
  for (std::size_t i = 0; i < kBlockBytes; ++i) {
    inner_pad[i] = static_cast<char>(padded_key[i] ^ 0x36);
    outer_pad[i] = static_cast<char>(padded_key[i] ^ 0x5c);
  }
  Sha256 inner;
  inner.update({inner_pad, kBlockBytes});
  inner_ = inner.state();
  Sha256 outer;
  outer.update({outer_pad, kBlockBytes});
  outer_ = outer.state();
}

Sha256Digest HmacKey::mac(std::string_view message) const {
  Sha256 inner(inner_, kBlockBytes);
  inner.update(message);
  const Sha256Digest inner_digest = inner.finish();
  Sha256 outer(outer_, kBlockBytes);
  outer.update(as_chars(inner_digest));
  return outer.finish();
}

SecretId HmacKey::secret_id(std::string_view clear_value) const {
  // Walk back over four code points: UTF-8 continuation bytes (10xxxxxx) belong to the code point before
  // them.
  std::size_t start = clear_value.size();
  for (int seen = 0; seen < 4 && start > 0; ++seen) {
    --start;
    while (start > 0 && (static_cast<std::uint8_t>(clear_value[start]) & 0xc0) == 0x80) --start;
  }
  return SecretId{std::string(clear_value.substr(start)), to_hex(mac(clear_value))};
}

// [SECTION] SecretId --------------------------------------------------------------------------------------------------

SecretId make_secret_id(std::string_view clear_value, std::string_view key) {
  return HmacKey(key).secret_id(clear_value);
}

}  // namespace parley
