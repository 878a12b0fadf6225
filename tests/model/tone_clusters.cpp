// tone_clusters — an experiment tool, not a test: derives word clusters for
// the word-cluster experiment of model/README.md (not kept: no NYT gain).
//   tone_clusters tokens nyt|newsmtsc|raw FILE...   one line per text, its word tokens as the
//                                                  tone tokenizer normalizes them, space-separated
//   tone_clusters kmeans VECFILE K SEED ITERS       fastText .vec (first line "n dim") -> word<TAB>cluster,
//                                                  spherical k-means (k-means++ seeding, own LCG: deterministic)
// The experiment (outside the repository; nothing from ../shared is kept):
//   tone_clusters tokens raw ../shared/corpus/polnear/*/text/*.txt > c.txt
//   tone_clusters tokens newsmtsc ../shared/tone/newsmtsc/train.jsonl >> c.txt
//   tone_clusters tokens nyt ../shared/tone/vader/nyt_editorial_train.tsv >> c.txt
//   fasttext skipgram -input c.txt -output ft -dim 100 -ws 5 -minCount 3 -epoch 15 -thread 1 -seed 1 -maxn 0
//   tone_clusters kmeans ft.vec 256 1 40 > clusters.tsv
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "model/datasets.hpp"
#include "model/tokenizer.hpp"

namespace qm = quotient::model;

namespace {

void print_tokens(const std::string& text, const std::vector<std::pair<uint32_t, uint32_t>>& masked, qm::TokenBuffer& buf) {
  qm::tokenize(text, masked, buf);
  std::string line;
  for (const auto& t : buf.tokens) {
    if (!(t.flags & qm::kTokWord)) continue;
    if (!line.empty()) line += ' ';
    line += buf.norm(t);
  }
  if (!line.empty()) std::printf("%s\n", line.c_str());
}

struct Lcg {
  uint64_t s;
  uint64_t next() { s = s * 6364136223846793005ULL + 1442695040888963407ULL; return s >> 11; }
  double uniform() { return static_cast<double>(next()) / static_cast<double>(1ULL << 53); }
};

int tokens_main(const std::string& fmt, int argc, char** argv) {
  qm::TokenBuffer buf;
  for (int a = 0; a < argc; ++a) {
    if (fmt == "raw") {
      std::ifstream in(argv[a]);
      for (std::string line; std::getline(in, line);) print_tokens(line, {}, buf);
      continue;
    }
    auto ex = qm::read_examples(argv[a], fmt == "nyt" ? qm::DataFormat::kNyt : qm::DataFormat::kNewsMtsc, "text");
    if (!ex) { std::fprintf(stderr, "%s\n", ex.status().to_string().c_str()); return 1; }
    for (const auto& e : ex.value()) print_tokens(e.text, e.masked, buf);
  }
  return 0;
}

// A fastText .vec file's words and unit-length vectors (one per row of X).
bool read_vectors(const char* path, std::vector<std::string>& words, Eigen::MatrixXf& X) {
  std::ifstream in(path);
  size_t n = 0, dim = 0;
  if (!(in >> n >> dim)) return false;
  words.resize(n);
  X.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(dim));
  for (size_t i = 0; i < n; ++i) {
    in >> words[i];
    for (size_t d = 0; d < dim; ++d) in >> X(i, d);
    float norm = X.row(i).norm();
    if (norm > 0) X.row(i) /= norm;
  }
  return static_cast<bool>(in);
}

// k-means++ seeding on cosine distance.
Eigen::MatrixXf seed_centres(const Eigen::MatrixXf& X, int k, Lcg& rng) {
  const auto n = X.rows();
  Eigen::MatrixXf C(k, X.cols());
  Eigen::VectorXf best = Eigen::VectorXf::Constant(n, 2.0f);
  C.row(0) = X.row(static_cast<Eigen::Index>(rng.next() % static_cast<uint64_t>(n)));
  for (int c = 1; c < k; ++c) {
    best = best.cwiseMin((1.0f - (X * C.row(c - 1).transpose()).array()).matrix());
    double r = rng.uniform() * best.cast<double>().sum(), acc = 0;
    Eigen::Index pick = n - 1;
    for (Eigen::Index i = 0; i < n; ++i) {
      acc += best(i);
      if (acc >= r) { pick = i; break; }
    }
    C.row(c) = X.row(pick);
  }
  return C;
}

// Spherical k-means: each word to its most similar centre, centres to the
// normalized sum of their words, until nothing moves or `iters` rounds.
std::vector<int> kmeans(const Eigen::MatrixXf& X, Eigen::MatrixXf C, int iters) {
  std::vector<int> assign(static_cast<size_t>(X.rows()), -1);
  for (int it = 0; it < iters; ++it) {
    Eigen::MatrixXf S = X * C.transpose();
    size_t moved = 0;
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
      Eigen::Index j;
      S.row(i).maxCoeff(&j);
      moved += assign[i] != static_cast<int>(j);
      assign[i] = static_cast<int>(j);
    }
    Eigen::MatrixXf sum = Eigen::MatrixXf::Zero(C.rows(), C.cols());
    for (Eigen::Index i = 0; i < X.rows(); ++i) sum.row(assign[i]) += X.row(i);
    for (Eigen::Index c = 0; c < C.rows(); ++c)
      if (float norm = sum.row(c).norm(); norm > 0) C.row(c) = sum.row(c) / norm;
    std::fprintf(stderr, "iteration %d: %zu moved\n", it + 1, moved);
    if (moved == 0) break;
  }
  return assign;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 2 ? argv[1] : "";
  if (mode == "tokens") return tokens_main(argv[2], argc - 3, argv + 3);
  if (mode != "kmeans" || argc < 6) {
    std::fprintf(stderr, "usage: tone_clusters tokens nyt|newsmtsc|raw FILE... | kmeans VECFILE K SEED ITERS\n");
    return 2;
  }
  std::vector<std::string> words;
  Eigen::MatrixXf X;
  if (!read_vectors(argv[2], words, X)) { std::fprintf(stderr, "cannot read %s\n", argv[2]); return 1; }
  const int k = std::atoi(argv[3]);
  if (k < 1 || k > X.rows()) { std::fprintf(stderr, "K must be in 1..%ld\n", static_cast<long>(X.rows())); return 2; }
  Lcg rng{std::strtoull(argv[4], nullptr, 10)};
  std::vector<int> assign = kmeans(X, seed_centres(X, k, rng), std::atoi(argv[5]));
  for (size_t i = 0; i < words.size(); ++i) std::printf("%s\t%d\n", words[i].c_str(), assign[i]);
  return 0;
}
