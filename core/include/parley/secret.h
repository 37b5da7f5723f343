#pragma once
// Secret identifiers: SHA-256 (FIPS 180-4), HMAC-SHA-256 (RFC 2104) and the SecretId built from them.
//
// Index of this file:
// [SECTION] Digests     SHA-256 and HMAC-SHA-256 over bytes, and lowercase hex
// [SECTION] HmacKey     an HMAC-SHA-256 key prepared once for many messages
// [SECTION] SecretId    last four characters + keyed hash of a clear value that is never stored
//
// A national id or a full account number is kept as its last four characters for display and an HMAC-SHA-256
// under an installation key for matching: two records hold the same number when their keyed hashes agree.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "parley/portfolio.h"

namespace parley {

// [SECTION] Digests ---------------------------------------------------------------------------------------------------

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::string_view message);                             // FIPS 180-4 SHA-256 of the bytes
Sha256Digest hmac_sha256(std::string_view key, std::string_view message);  // RFC 2104 HMAC with SHA-256
std::string to_hex(const Sha256Digest& digest);                            // 64 lowercase hex digits

// [SECTION] HmacKey ---------------------------------------------------------------------------------------------------

// The hash states after the key's inner and outer pad blocks, so each message costs two fewer compressions.
class HmacKey {
 public:
  explicit HmacKey(std::string_view key);                  // any length (longer than 64 bytes: hashed first)
  Sha256Digest mac(std::string_view message) const;        // equals hmac_sha256(key, message)
  SecretId secret_id(std::string_view clear_value) const;  // equals make_secret_id(clear_value, key)

 private:
  std::array<std::uint32_t, 8> inner_{};  // state after the key XOR 0x36 block
  std::array<std::uint32_t, 8> outer_{};  // state after the key XOR 0x5c block
};

// [SECTION] SecretId --------------------------------------------------------------------------------------------------

// The last four characters of `clear_value` (UTF-8 code points; all of it when shorter) and the lowercase hex
// HMAC-SHA-256 of the whole value under `key`.
SecretId make_secret_id(std::string_view clear_value, std::string_view key);

}  // namespace parley
