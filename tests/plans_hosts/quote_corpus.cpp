// parley_quote_corpus: prints the host corpus of tests/core/plans/plan_corpus.h (every request, problem, quote,
// policy check and disclosure of `--count` random requests of `--seed`), one piece per line, then the account
// folds of tests/core/account/account_corpus.h (the saved state of each of `--folds` seeded random journals of
// several devices, merged and folded), then the FNV-1a digest of all of it. Built natively and in wasm;
// tests/plans_hosts/compare_hosts.cmake compares the two outputs byte by byte.
//
//   parley_quote_corpus [--seed S] [--count N] [--folds F]   the corpus on stdout (defaults: the core digest test's,
//                                                  and 40 folds)
//   parley_quote_corpus --compare A B              exit 0 when files A and B are identical, else 1 and the
//                                                  first line that differs

#include <charconv>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "account_corpus.h"
#include "account_fixtures.h"
#include "parley/journal/journal.h"
#include "plan_corpus.h"

namespace {

constexpr std::uint64_t kDefaultSeed = 424242;  // as PlanProperties.SameBytesOnEveryHost
constexpr int kDefaultCount = 1000;
constexpr int kDefaultFolds = 40;
constexpr int kFoldEvents = 150;  // events per folded journal

template <class Int>
bool parse_whole(std::string_view text, Int& value) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && ec == std::errc{} && ptr == text.data() + text.size();
}

bool read_whole(const char* path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// The saved fold of the journal of seed `seed`: account_corpus's random events of three devices, merged.
std::string fold_piece(std::uint64_t seed) {
  using namespace parley::account_test;
  const parley::Account account = owed_account();
  const parley::Client client = owed_client();
  parley::Journal journal;
  journal.add_all(parley::account_corpus::random_events(account, seed, kFoldEvents, 3, at("2026-03-09T13:00:00Z")));
  const parley::AccountState state = parley::fold(account, &client, journal.events_for(account.id));
  return parley::save_account_state(state, day("2026-06-30"), {});
}

// 0 when the files are identical; else prints the first differing line of each (1-based) and returns 1.
int compare(const char* a_path, const char* b_path) {
  std::string a;
  std::string b;
  if (!read_whole(a_path, a) || !read_whole(b_path, b)) {
    std::fprintf(stderr, "cannot read %s or %s\n", a_path, b_path);
    return 2;
  }
  if (a == b) {
    std::printf("identical: %zu bytes\n", a.size());
    return 0;
  }
  std::size_t at = 0;
  while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
  const std::size_t line_start = a.rfind('\n', at == 0 ? 0 : at - 1);
  const std::size_t from = line_start == std::string::npos || at == 0 ? 0 : line_start + 1;
  std::size_t line = 1;
  for (std::size_t k = 0; k < from; ++k) line += a[k] == '\n' ? 1 : 0;
  const auto line_of = [from](const std::string& text) {
    const std::size_t end = text.find('\n', from);
    return text.substr(from, end == std::string::npos ? std::string::npos : end - from).substr(0, 2000);
  };
  std::printf("%s and %s differ at byte %zu (line %zu; sizes %zu and %zu)\n%s:\n%s\n%s:\n%s\n", a_path, b_path, at,
              line, a.size(), b.size(), a_path, line_of(a).c_str(), b_path, line_of(b).c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view first = argc > 1 ? argv[1] : "";
  if (first == "--compare") {
    if (argc != 4) {
      std::fprintf(stderr, "usage: parley_quote_corpus --compare A B\n");
      return 2;
    }
    return compare(argv[2], argv[3]);
  }
  std::uint64_t seed = kDefaultSeed;
  int count = kDefaultCount;
  int folds = kDefaultFolds;
  for (int i = 1; i < argc; i += 2) {
    const std::string_view flag = argv[i];
    const std::string_view value = i + 1 < argc ? argv[i + 1] : "";
    const bool ok = (flag == "--seed" && parse_whole(value, seed)) ||
                    (flag == "--count" && parse_whole(value, count) && count >= 1 && count <= 100000) ||
                    (flag == "--folds" && parse_whole(value, folds) && folds >= 0 && folds <= 10000);
    if (!ok) {
      std::fprintf(stderr,
                   "usage: parley_quote_corpus [--seed S] [--count 1..100000] [--folds 0..10000] | --compare A B\n");
      return 2;
    }
  }
  std::uint64_t hash = parley::plans::testing::fnv1a_basis;
  std::string out;
  const auto emit = [&](std::string_view piece) {
    hash = parley::plans::testing::fnv1a(hash, piece);
    out.append(piece);
    out.push_back('\n');
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  };
  parley::plans::testing::for_each_corpus_piece(seed, count, emit);
  for (int f = 1; f <= folds; ++f) emit(fold_piece(seed + static_cast<std::uint64_t>(f)));
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::printf("digest 0x%016" PRIx64 " (seed %" PRIu64 ", %d requests, %d folds)\n", hash, seed, count, folds);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
