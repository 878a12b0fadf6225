// compare_render.cpp — the table, CSV and JSON renderings of a Comparison
// for `quotient compare` (declared in compare_cli.hpp).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "compare_cli.hpp"
#include "compare_text.hpp"
#include "json_writer.hpp"

namespace quotient::cli {
using compare::Comparison;
using compare::GroupStats;
using namespace text;  // the helpers shared by the renderings

// --- Table -------------------------------------------------------------------

namespace {

std::string aligned(const std::vector<std::vector<std::string>>& rows, size_t left_columns) {
  std::vector<size_t> width;
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], columns(row[i]));
    }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string pad(width[i] - columns(row[i]), ' ');
      line += (i ? "  " : "") + (i < left_columns ? row[i] + pad : pad + row[i]);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  return out;
}

std::string quote_line(const char* what, const compare::QuoteRef& q) {
  return std::string("  ") + what + fixed(q.coop) + "  \xE2\x80\x9C" + clip(q.text, 70) + "\xE2\x80\x9D  (" + q.speaker +
         ", " + q.doc_id + " #" + std::to_string(q.index) + ")\n";
}

// Two keys: mean coop (quotes) with the first key down and the second across.
std::string pivot(const Comparison& c) {
  std::vector<std::string> rows_k, cols_k;
  for (const GroupStats& g : c.groups) {
    if (std::find(rows_k.begin(), rows_k.end(), g.key[0]) == rows_k.end()) rows_k.push_back(g.key[0]);
    if (std::find(cols_k.begin(), cols_k.end(), g.key[1]) == cols_k.end()) cols_k.push_back(g.key[1]);
  }
  if (compare::is_period(c.config.keys[1])) std::sort(cols_k.begin(), cols_k.end());
  std::vector<std::vector<std::string>> rows{{compare::group_key_name(c.config.keys[0])}};
  for (const std::string& k : cols_k) rows[0].push_back(k);
  for (const std::string& r : rows_k) {
    rows.push_back({r});
    for (const std::string& k : cols_k) {
      auto it = std::find_if(c.groups.begin(), c.groups.end(),
                             [&](const GroupStats& g) { return g.key[0] == r && g.key[1] == k; });
      rows.back().push_back(it == c.groups.end() ? "\xC2\xB7" : fixed(it->mean_coop, 2) + " (" + std::to_string(it->quotes) + ")");
    }
  }
  return "mean coop (quotes), " + key_title(c) + ":\n" + aligned(rows, 1);
}

}  // namespace

std::string render_table(const Comparison& c) {
  std::vector<std::vector<std::string>> rows(1);
  for (compare::GroupKey k : c.config.keys) rows[0].push_back(compare::group_key_name(k));
  for (const char* h : {"quotes", "mean coop"}) rows[0].push_back(h);
  rows[0].push_back(interval_name(c));
  for (const std::string& l : c.labels) rows[0].push_back(l);
  for (const GroupStats& g : c.groups) {
    rows.push_back(g.key);
    rows.back().push_back(std::to_string(g.quotes));
    rows.back().push_back(fixed(g.mean_coop));
    rows.back().push_back("[" + fixed(g.ci_low) + ", " + fixed(g.ci_high) + "]");
    for (double s : g.label_shares) rows.back().push_back(percent(s));
  }
  std::string out = c.groups.empty() ? "no quotes to compare\n" : aligned(rows, c.config.keys.size());
  if (c.difference)
    out += "\n" + c.difference->first + " \xE2\x88\x92 " + c.difference->second + ": " + fixed(c.difference->diff) +
           " mean coop, permutation p = " + p_text(c.difference->p_value) + " (" +
           std::to_string(c.difference->permutations) + " permutations)\n";
  if (c.config.keys.size() == 2 && !c.groups.empty()) out += "\n" + pivot(c);
  for (const GroupStats& g : c.groups) {
    out += "\n" + g.label() + " (" + std::to_string(g.quotes) + (g.quotes == 1 ? " quote)\n" : " quotes)\n");
    out += quote_line("most constructive ", g.most_constructive);
    if (g.quotes > 1) out += quote_line("most critical     ", g.most_critical);
    if (!g.evidence.empty()) out += "  evidence          " + evidence_text(g, 3) + "\n";
  }
  out += "\n" + std::to_string(c.quotes_counted) + " of " + std::to_string(c.quotes_read) +
         " quotes counted (speech with a tone label, in a group); seed " + std::to_string(c.config.seed) + ", " +
         std::to_string(c.config.bootstrap) + " bootstrap resamples\n";
  if (!c.excluded.empty()) out += "not counted: " + excluded_text(c) + "\n";
  if (!c.unmatched_speakers.empty()) out += "speakers not in the sides file: " + unmatched_text(c) + "\n";
  return out;
}

// --- CSV ---------------------------------------------------------------------

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

std::string plain(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.6g", v);
  return b;
}

void add_quote_fields(std::vector<std::string>& row, const compare::QuoteRef& q) {
  row.insert(row.end(), {q.doc_id, std::to_string(q.index), plain(q.coop), q.speaker, q.text});
}

}  // namespace

std::string render_csv(const Comparison& c) {
  std::vector<std::string> header;
  for (compare::GroupKey k : c.config.keys) header.push_back(compare::group_key_name(k));
  for (const char* h : {"quotes", "mean_coop", "ci_low", "ci_high"}) header.push_back(h);
  for (const std::string& l : c.labels) header.push_back("share_" + l);
  header.push_back("top_evidence");
  for (const char* q : {"most_constructive", "most_critical"})
    for (const char* f : {"_doc", "_index", "_coop", "_speaker", "_text"}) header.push_back(std::string(q) + f);
  std::string out = csv_row(header);
  for (const GroupStats& g : c.groups) {
    std::vector<std::string> row = g.key;
    for (double v : {static_cast<double>(g.quotes), g.mean_coop, g.ci_low, g.ci_high}) row.push_back(plain(v));
    for (double s : g.label_shares) row.push_back(plain(s));
    std::string ev;
    for (const compare::EvidenceSum& e : g.evidence) ev += (ev.empty() ? "" : "; ") + e.feature + " (" + e.label + ") " + plain(e.weight);
    row.push_back(ev);
    add_quote_fields(row, g.most_constructive);
    add_quote_fields(row, g.most_critical);
    out += csv_row(row);
  }
  return out;
}

// --- JSON --------------------------------------------------------------------

namespace {

std::string js(const std::string& s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

std::string json_quote(const compare::QuoteRef& q) {
  return "{\"doc_id\":" + js(q.doc_id) + ",\"index\":" + std::to_string(q.index) + ",\"coop\":" + plain(q.coop) +
         ",\"speaker\":" + js(q.speaker) + ",\"text\":" + js(q.text) + "}";
}

std::string json_group(const Comparison& c, const GroupStats& g) {
  std::string s = "{\"key\":[";
  for (size_t i = 0; i < g.key.size(); ++i) s += (i ? "," : "") + js(g.key[i]);
  s += "],\"label\":" + js(g.label()) + ",\"quotes\":" + std::to_string(g.quotes) + ",\"mean_coop\":" + plain(g.mean_coop) +
       ",\"ci_low\":" + plain(g.ci_low) + ",\"ci_high\":" + plain(g.ci_high) + ",\"label_shares\":{";
  for (size_t i = 0; i < c.labels.size(); ++i) s += (i ? "," : "") + js(c.labels[i]) + ":" + plain(g.label_shares[i]);
  s += "},\"evidence\":[";
  for (size_t i = 0; i < g.evidence.size(); ++i)
    s += (i ? "," : "") + std::string("{\"feature\":") + js(g.evidence[i].feature) + ",\"label\":" + js(g.evidence[i].label) +
         ",\"weight\":" + plain(g.evidence[i].weight) + ",\"quotes\":" + std::to_string(g.evidence[i].quotes) + "}";
  return s + "],\"most_constructive\":" + json_quote(g.most_constructive) +
         ",\"most_critical\":" + json_quote(g.most_critical) + "}";
}

std::string json_counts(const std::map<std::string, size_t>& m) {
  std::string s = "{";
  for (const auto& [k, n] : m) s += (s.size() > 1 ? "," : "") + js(k) + ":" + std::to_string(n);
  return s + "}";
}

}  // namespace

std::string render_json(const Comparison& c) {
  std::string s = "{\"by\":[";
  for (size_t i = 0; i < c.config.keys.size(); ++i) s += (i ? "," : "") + js(compare::group_key_name(c.config.keys[i]));
  s += "],\"seed\":" + std::to_string(c.config.seed) + ",\"bootstrap\":" + std::to_string(c.config.bootstrap) +
       ",\"permutations\":" + std::to_string(c.config.permutations) + ",\"confidence\":" + plain(c.config.confidence) +
       ",\"quotes_read\":" + std::to_string(c.quotes_read) + ",\"quotes_counted\":" + std::to_string(c.quotes_counted) +
       ",\"labels\":[";
  for (size_t i = 0; i < c.labels.size(); ++i) s += (i ? "," : "") + js(c.labels[i]);
  s += "],\"groups\":[";
  for (size_t i = 0; i < c.groups.size(); ++i) s += (i ? "," : "") + json_group(c, c.groups[i]);
  s += "],\"difference\":";
  if (c.difference)
    s += "{\"first\":" + js(c.difference->first) + ",\"second\":" + js(c.difference->second) + ",\"diff\":" +
         plain(c.difference->diff) + ",\"p_value\":" + plain(c.difference->p_value) +
         ",\"permutations\":" + std::to_string(c.difference->permutations) + "}";
  else
    s += "null";
  return s + ",\"excluded\":" + json_counts(c.excluded) + ",\"unmatched_speakers\":" + json_counts(c.unmatched_speakers) +
         "}\n";
}

}  // namespace quotient::cli
