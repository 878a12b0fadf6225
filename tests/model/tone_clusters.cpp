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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  std::string mode = argv[1];
  if (mode == "tokens") {
    std::string fmt = argv[2];
    qm::TokenBuffer buf;
    for (int a = 3; a < argc; ++a) {
      if (fmt == "raw") {
        std::ifstream in(argv[a]);
        for (std::string line; std::getline(in, line);) print_tokens(line, {}, buf);
        continue;
      }
      auto ex = qm::read_examples(argv[a], fmt == "nyt" ? qm::DataFormat::kNyt : qm::DataFormat::kNewsMtsc, "x");
      if (!ex) { std::fprintf(stderr, "%s\n", ex.status().to_string().c_str()); return 1; }
      for (const auto& e : ex.value()) print_tokens(e.text, e.masked, buf);
    }
    return 0;
  }
  if (mode != "kmeans" || argc < 6) return 2;
  std::ifstream in(argv[2]);
  size_t n = 0, dim = 0;
  in >> n >> dim;
  std::vector<std::string> words(n);
  Eigen::MatrixXf X(n, dim);
  for (size_t i = 0; i < n; ++i) {
    in >> words[i];
    for (size_t d = 0; d < dim; ++d) in >> X(i, d);
    float norm = X.row(i).norm();
    if (norm > 0) X.row(i) /= norm;
  }
  const int k = std::atoi(argv[3]);
  Lcg rng{std::strtoull(argv[4], nullptr, 10)};
  const int iters = std::atoi(argv[5]);
  // k-means++ seeding on cosine distance.
  Eigen::MatrixXf C(k, dim);
  Eigen::VectorXf best = Eigen::VectorXf::Constant(n, 2.0f);
  C.row(0) = X.row(rng.next() % n);
  for (int c = 1; c < k; ++c) {
    Eigen::VectorXf d = (1.0f - (X * C.row(c - 1).transpose()).array()).matrix();
    best = best.cwiseMin(d);
    double total = best.cast<double>().sum(), r = rng.uniform() * total, acc = 0;
    size_t pick = n - 1;
    for (size_t i = 0; i < n; ++i) { acc += best(i); if (acc >= r) { pick = i; break; } }
    C.row(c) = X.row(pick);
  }
  std::vector<int> assign(n, -1);
  for (int it = 0; it < iters; ++it) {
    Eigen::MatrixXf S = X * C.transpose();
    size_t moved = 0;
    for (size_t i = 0; i < n; ++i) {
      Eigen::Index j;
      S.row(i).maxCoeff(&j);
      moved += assign[i] != static_cast<int>(j);
      assign[i] = static_cast<int>(j);
    }
    Eigen::MatrixXf sum = Eigen::MatrixXf::Zero(k, dim);
    for (size_t i = 0; i < n; ++i) sum.row(assign[i]) += X.row(i);
    for (int c = 0; c < k; ++c) {
      float norm = sum.row(c).norm();
      if (norm > 0) C.row(c) = sum.row(c) / norm;
    }
    std::fprintf(stderr, "iteration %d: %zu moved\n", it + 1, moved);
    if (moved == 0) break;
  }
  for (size_t i = 0; i < n; ++i) std::printf("%s\t%d\n", words[i].c_str(), assign[i]);
  return 0;
}
