// The driver of the fuzz targets (generator/**/*_fuzz.cpp) in ordinary builds, where
// libFuzzer is not linked: runs the target on every seed file given (files or folders),
// then on `--mutate N` inputs made by small random edits of the seeds (byte changes,
// insertions, deletions, spliced lines; fixed random seed, so a failure repeats).
// scripts/fuzz.sh runs the real fuzzer with clang; this keeps every target building and
// running briefly in the test suite.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int run(const std::string& input) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// `seed` after one to four random edits, some taking pieces of `other`.
std::string mutate(std::string s, const std::string& other, std::mt19937& rng) {
  auto pick = [&](size_t n) {
    return n == 0 ? size_t{0} : std::uniform_int_distribution<size_t>(0, n - 1)(rng);
  };
  const int edits = 1 + static_cast<int>(pick(4));
  for (int e = 0; e < edits; ++e) {
    switch (pick(5)) {
      case 0:  // change a byte
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(pick(256));
        break;
      case 1:  // insert a byte that often matters in paths and markup
        s.insert(pick(s.size() + 1), 1, "/.\\\n \0%:?#<>\"'"[pick(14)]);
        break;
      case 2:  // delete a run
        if (!s.empty()) {
          size_t at = pick(s.size());
          s.erase(at, 1 + pick(std::min<size_t>(16, s.size() - at)));
        }
        break;
      case 3:  // splice in a piece of another seed
        if (!other.empty()) {
          size_t at = pick(other.size());
          s.insert(pick(s.size() + 1), other.substr(at, 1 + pick(64)));
        }
        break;
      default:  // repeat a piece
        if (!s.empty()) {
          size_t at = pick(s.size());
          std::string piece = s.substr(at, 1 + pick(32));
          s.insert(at, piece);
        }
        break;
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> seeds;
  long mutations = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--mutate" && i + 1 < argc) {
      mutations = std::strtol(argv[++i], nullptr, 10);
      continue;
    }
    std::filesystem::path p(arg);
    if (std::filesystem::is_directory(p)) {
      std::vector<std::filesystem::path> files;
      for (const auto& entry : std::filesystem::directory_iterator(p)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) seeds.push_back(read(f));
    } else {
      seeds.push_back(read(p));
    }
  }
  if (seeds.empty()) seeds.push_back("");
  for (const std::string& s : seeds) run(s);
  std::mt19937 rng(20261201);
  for (long n = 0; n < mutations; ++n) {
    const std::string& a = seeds[n % seeds.size()];
    const std::string& b = seeds[rng() % seeds.size()];
    run(mutate(a, b, rng));
  }
  std::printf("%zu seeds and %ld mutations ran\n", seeds.size(), mutations);
  return 0;
}
