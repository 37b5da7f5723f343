// SHA-256 against the FIPS 180-4 examples, HMAC-SHA-256 against RFC 4231, and SecretId construction.
#include "parley/secret.h"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

std::string repeat(char c, std::size_t n) {
  return std::string(n, c);
}

TEST(SecretSha256, FipsExamples) {
  EXPECT_EQ(to_hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(to_hex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(to_hex(sha256(
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmno"
                "pqrsmnopqrstnopqrstu")),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(SecretSha256, MillionAs) {
  EXPECT_EQ(to_hex(sha256(repeat('a', 1000000))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(SecretSha256, PaddingBoundaries) {
  // 55 bytes fit the length in the same block; 56 to 63 need a second one; 64 is exactly one block.
  const Sha256Digest d55 = sha256(repeat('x', 55));
  const Sha256Digest d56 = sha256(repeat('x', 56));
  const Sha256Digest d64 = sha256(repeat('x', 64));
  EXPECT_NE(d55, d56);
  EXPECT_NE(d56, d64);
  EXPECT_EQ(to_hex(d55), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
}

TEST(SecretHmac, Rfc4231Vectors) {
  EXPECT_EQ(to_hex(hmac_sha256(repeat('\x0b', 20), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(to_hex(hmac_sha256(repeat('\xaa', 20), repeat('\xdd', 50))),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  std::string key4;
  for (char c = 1; c <= 25; ++c) key4.push_back(c);
  EXPECT_EQ(to_hex(hmac_sha256(key4, repeat('\xcd', 50))),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // Test case 5 publishes the output truncated to 128 bits.
  EXPECT_EQ(to_hex(hmac_sha256(repeat('\x0c', 20), "Test With Truncation")).substr(0, 32),
            "a3b6167473100ee06e0c796c2955552b");
  EXPECT_EQ(
      to_hex(hmac_sha256(repeat('\xaa', 131), "Test Using Larger Than Block-Size Key - Hash Key First")),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_EQ(to_hex(hmac_sha256(
                repeat('\xaa', 131),
                "This is a test using a larger than block-size key and a larger than block-size data. "
                "The key needs to be hashed before being used by the HMAC algorithm.")),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST(SecretId, KeepsLastFourAndKeyedHash) {
  const SecretId id = make_secret_id("4111111111111111", "parley-demo-key");
  EXPECT_EQ(id.last4, "1111");
  EXPECT_EQ(id.keyed_hash, "c316e890be910033e73a522523185fd82bec71f337e558429daeab885edfb4e9");
  EXPECT_EQ(id.keyed_hash.find("4111111111111111"), std::string::npos);
}

TEST(SecretId, SameValueMatchesOnlyUnderSameKey) {
  EXPECT_EQ(make_secret_id("123-45-6789", "k1"), make_secret_id("123-45-6789", "k1"));
  EXPECT_NE(make_secret_id("123-45-6789", "k1").keyed_hash, make_secret_id("123-45-6789", "k2").keyed_hash);
  // Same last four, different numbers: told apart by the hash.
  const SecretId a = make_secret_id("111-11-6789", "k1");
  const SecretId b = make_secret_id("222-22-6789", "k1");
  EXPECT_EQ(a.last4, b.last4);
  EXPECT_NE(a.keyed_hash, b.keyed_hash);
}

TEST(SecretId, ShortAndNonAsciiValues) {
  EXPECT_EQ(make_secret_id("42", "k").last4, "42");
  EXPECT_EQ(make_secret_id("", "k").last4, "");
  // Four code points, not four bytes: "é" is two bytes in UTF-8.
  EXPECT_EQ(make_secret_id("AB\xc3\xa9"
                           "CDE",
                           "k")
                .last4,
            "\xc3\xa9"
            "CDE");
  EXPECT_EQ(make_secret_id("AB\xc3\xa9"
                           "CDE",
                           "k")
                .keyed_hash.size(),
            64u);
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST(SecretHmacKey, PreparedKeyGivesTheSameMacs) {
  const std::string long_key(131, '\xaa');
  for (const std::string& key : {std::string("Jefe"), std::string(), std::string(64, 'k'), long_key}) {
    const HmacKey prepared(key);
    for (const std::string& message :
         {std::string(), std::string("abc"), std::string(55, 'm'), std::string(200, 'z')}) {
      EXPECT_EQ(prepared.mac(message), hmac_sha256(key, message)) << key.size() << "/" << message.size();
      EXPECT_EQ(prepared.secret_id(message), make_secret_id(message, key));
    }
  }
  EXPECT_EQ(to_hex(HmacKey(long_key).mac("Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

}  // namespace
}  // namespace parley
