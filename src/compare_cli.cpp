// `quotient compare`: flags, inputs, and the table, CSV, JSON and HTML
// renderings of a Comparison (see compare_cli.hpp; statistics in compare.hpp).
#include "compare_cli.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/json_util.h>

#include "cli_args.hpp"
#include "json_writer.hpp"
#include "pipeline.hpp"
#include "readers.hpp"
#include "tone_model.hpp"
#include "writers.hpp"

namespace quotient::cli {
namespace po = boost::program_options;
using compare::Comparison;
using compare::GroupStats;

namespace {

// --- Shared text helpers ---------------------------------------------------

std::string fixed(double v, int decimals = 3, bool sign = true) {
  char b[48];
  std::snprintf(b, sizeof b, sign ? "%+.*f" : "%.*f", decimals, v);
  std::string s = b;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s[0] = '+';  // no "-0.00"
  return s;
}

std::string percent(double share) {
  char b[16];
  std::snprintf(b, sizeof b, "%.0f%%", share * 100);
  return b;
}

std::string p_text(double p) {
  char b[32];
  std::snprintf(b, sizeof b, p < 0.001 ? "%.2g" : "%.3f", p);
  return b;
}

size_t columns(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// At most `width` code points of one line of `s`, with "…" when cut.
std::string clip(const std::string& s, size_t width) {
  std::string flat = s;
  for (char& c : flat)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  if (columns(flat) <= width) return flat;
  std::string out;
  size_t n = 0;
  for (char ch : flat) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80 && ++n > width - 1) break;
    out += ch;
  }
  return out + "\xE2\x80\xA6";
}

std::string key_title(const Comparison& c) {
  std::string s;
  for (size_t i = 0; i < c.config.keys.size(); ++i)
    s += (i ? " \xC3\x97 " : "") + std::string(compare::group_key_name(c.config.keys[i]));
  return s;
}

std::string interval_name(const Comparison& c) { return percent(c.config.confidence) + " interval"; }

std::string excluded_text(const Comparison& c) {
  std::string s;
  for (const auto& [reason, n] : c.excluded) s += (s.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
  return s;
}

std::string unmatched_text(const Comparison& c) {
  std::string s;
  for (const auto& [name, n] : c.unmatched_speakers) s += (s.empty() ? "" : ", ") + name + " (" + std::to_string(n) + ")";
  return s;
}

std::string evidence_text(const GroupStats& g, size_t max) {
  std::string s;
  for (size_t i = 0; i < g.evidence.size() && i < max; ++i)
    s += (i ? "; " : "") + g.evidence[i].feature + " \xE2\x86\x92 " + g.evidence[i].label + " " +
         fixed(g.evidence[i].weight, 2);
  return s;
}

// --- Table -------------------------------------------------------------------

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
  for (std::string f : {q.doc_id, std::to_string(q.index), plain(q.coop), q.speaker, q.text}) row.push_back(f);
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


// --- HTML --------------------------------------------------------------------

namespace {

std::string esc(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

// Typographic minus for display.
std::string signed_text(double v, int decimals = 3) {
  std::string s = fixed(v, decimals);
  return s[0] == '-' ? "\xE2\x88\x92" + s.substr(1) : s;
}

const char* label_color(const std::string& label, size_t i) {
  static const char* kOther[] = {"#6d597a", "#b56576", "#355070", "#e9c46a"};
  if (label == "constructive") return "#2a9d8f";
  if (label == "pragmatic") return "#8ab17d";
  if (label == "neutral") return "#c2c5c9";
  if (label == "critical") return "#e76f51";
  return kOther[i % 4];
}

const char* series_color(size_t i) {
  static const char* kColors[] = {"#264653", "#e76f51", "#2a9d8f", "#e9a23b", "#8e6ccf", "#4f86c6"};
  return kColors[i % 6];
}

// A linear coop axis from lo to hi onto [x0, x1] pixels, with ticks.
struct Axis {
  double lo, hi, x0, x1, step;
  double at(double v) const { return x0 + (v - lo) / (hi - lo) * (x1 - x0); }
};

Axis coop_axis(const std::vector<GroupStats>& groups, double x0, double x1) {
  double lo = -0.1, hi = 0.1;
  for (const GroupStats& g : groups) {
    lo = std::min({lo, g.ci_low, g.mean_coop});
    hi = std::max({hi, g.ci_high, g.mean_coop});
  }
  double step = 0.05;
  for (double s : {0.05, 0.1, 0.2, 0.25, 0.5})
    if ((hi - lo) / s <= 8) { step = s; break; }
  return {std::floor(lo / step) * step, std::ceil(hi / step) * step, x0, x1, step};
}

// Vertical grid lines and labels for a horizontal axis; horizontal ones
// (with labels at x0) when `vertical` is set, axis.x0/x1 then being y pixels.
std::string grid(const Axis& a, double from, double to, bool vertical) {
  std::string s;
  for (double v = a.lo; v <= a.hi + 1e-9; v += a.step) {
    double p = a.at(v);
    bool zero = std::fabs(v) < 1e-9;
    std::string cls = zero ? "zero" : "grid";
    if (vertical) {
      s += "<line class=\"" + cls + "\" x1=\"" + num(from) + "\" x2=\"" + num(to) + "\" y1=\"" + num(p) + "\" y2=\"" + num(p) + "\"/>";
      s += "<text class=\"tick\" x=\"" + num(from - 6) + "\" y=\"" + num(p + 4) + "\" text-anchor=\"end\">" + signed_text(v, 2) + "</text>";
    } else {
      s += "<line class=\"" + cls + "\" x1=\"" + num(p) + "\" x2=\"" + num(p) + "\" y1=\"" + num(from) + "\" y2=\"" + num(to) + "\"/>";
      s += "<text class=\"tick\" x=\"" + num(p) + "\" y=\"" + num(to + 14) + "\" text-anchor=\"middle\">" + signed_text(v, 2) + "</text>";
    }
  }
  return s;
}

constexpr size_t kMaxChartGroups = 40;

// Per group: a bar from 0 to the mean coop, a whisker over the interval.
std::string tone_bars(const Comparison& c) {
  size_t n = std::min(c.groups.size(), kMaxChartGroups);
  const double row = 30, top = 16, width = 860, left = 250, right = 640;
  double height = top + row * static_cast<double>(n) + 30;
  Axis a = coop_axis(c.groups, left, right);
  std::string s = "<svg class=\"chart\" role=\"img\" aria-label=\"mean cooperation score per group with intervals\" viewBox=\"0 0 " +
                  num(width) + " " + num(height) + "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\">";
  s += grid(a, top - 6, top + row * static_cast<double>(n), false);
  for (size_t i = 0; i < n; ++i) {
    const GroupStats& g = c.groups[i];
    double y = top + row * static_cast<double>(i), mid = y + row / 2 - 2;
    double x0 = a.at(0), xm = a.at(g.mean_coop);
    s += "<text class=\"name\" x=\"" + num(left - 10) + "\" y=\"" + num(mid + 4) + "\" text-anchor=\"end\">" +
         esc(clip(g.label(), 34)) + "</text>";
    s += "<rect class=\"" + std::string(g.mean_coop < 0 ? "neg" : "pos") + "\" x=\"" + num(std::min(x0, xm)) + "\" y=\"" +
         num(mid - 8) + "\" width=\"" + num(std::max(1.0, std::fabs(xm - x0))) + "\" height=\"16\" rx=\"2\"><title>" +
         esc(g.label()) + ": mean coop " + signed_text(g.mean_coop) + "</title></rect>";
    double l = a.at(g.ci_low), h = a.at(g.ci_high);
    s += "<g class=\"whisker\"><line x1=\"" + num(l) + "\" x2=\"" + num(h) + "\" y1=\"" + num(mid) + "\" y2=\"" + num(mid) +
         "\"/><line x1=\"" + num(l) + "\" x2=\"" + num(l) + "\" y1=\"" + num(mid - 6) + "\" y2=\"" + num(mid + 6) +
         "\"/><line x1=\"" + num(h) + "\" x2=\"" + num(h) + "\" y1=\"" + num(mid - 6) + "\" y2=\"" + num(mid + 6) + "\"/></g>";
    s += "<text class=\"value\" x=\"" + num(right + 12) + "\" y=\"" + num(mid + 4) + "\">" + signed_text(g.mean_coop) +
         " <tspan class=\"muted\">[" + signed_text(g.ci_low, 2) + ", " + signed_text(g.ci_high, 2) + "] \xC2\xB7 n=" +
         std::to_string(g.quotes) + "</tspan></text>";
  }
  return s + "</svg>";
}

// Per group: the tone labels' shares as one stacked bar.
std::string share_bars(const Comparison& c) {
  size_t n = std::min(c.groups.size(), kMaxChartGroups);
  const double row = 26, top = 34, width = 860, left = 250, span = 560;
  double height = top + row * static_cast<double>(n) + 8;
  std::string s = "<svg class=\"chart\" role=\"img\" aria-label=\"share of tone labels per group\" viewBox=\"0 0 " + num(width) +
                  " " + num(height) + "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\">";
  for (size_t k = 0; k < c.labels.size(); ++k) {
    double x = left + 130.0 * static_cast<double>(k);
    s += "<rect x=\"" + num(x) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" + label_color(c.labels[k], k) +
         "\"/><text class=\"tick\" x=\"" + num(x + 18) + "\" y=\"16\">" + esc(c.labels[k]) + "</text>";
  }
  for (size_t i = 0; i < n; ++i) {
    const GroupStats& g = c.groups[i];
    double y = top + row * static_cast<double>(i), x = left;
    s += "<text class=\"name\" x=\"" + num(left - 10) + "\" y=\"" + num(y + 13) + "\" text-anchor=\"end\">" +
         esc(clip(g.label(), 34)) + "</text>";
    for (size_t k = 0; k < c.labels.size(); ++k) {
      double w = g.label_shares[k] * span;
      if (w <= 0) continue;
      s += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"18\" fill=\"" +
           label_color(c.labels[k], k) + "\"><title>" + esc(g.label() + ": " + c.labels[k] + " " + percent(g.label_shares[k])) +
           "</title></rect>";
      if (w >= 34)
        s += "<text class=\"inbar\" x=\"" + num(x + w / 2) + "\" y=\"" + num(y + 13) + "\" text-anchor=\"middle\">" +
             percent(g.label_shares[k]) + "</text>";
      x += w;
    }
  }
  return s + "</svg>";
}

// The index of the period key among the keys, or -1.
int period_key(const Comparison& c) {
  for (size_t i = 0; i < c.config.keys.size(); ++i)
    if (compare::is_period(c.config.keys[i])) return static_cast<int>(i);
  return -1;
}

struct Series {
  std::string name;
  std::vector<const GroupStats*> points;  // parallel to the periods; null where absent
};

// One series for a period key alone; else one per value of the other key
// (the six with most quotes).
std::vector<Series> time_series(const Comparison& c, int pk, const std::vector<std::string>& periods) {
  std::vector<Series> out;
  std::map<std::string, size_t> totals;
  for (const GroupStats& g : c.groups) totals[c.config.keys.size() == 1 ? "" : g.key[1 - pk]] += g.quotes;
  std::vector<std::pair<std::string, size_t>> order(totals.begin(), totals.end());
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (size_t i = 0; i < order.size() && i < 6; ++i) {
    Series s{order[i].first, std::vector<const GroupStats*>(periods.size(), nullptr)};
    for (const GroupStats& g : c.groups)
      if (c.config.keys.size() == 1 || g.key[1 - pk] == s.name)
        s.points[std::find(periods.begin(), periods.end(), g.key[pk]) - periods.begin()] = &g;
    out.push_back(std::move(s));
  }
  return out;
}

std::string series_path(const Series& s, const std::vector<double>& xs, const Axis& y, bool band) {
  std::string line, upper, lower;
  for (size_t i = 0; i < xs.size(); ++i) {
    const GroupStats* g = s.points[i];
    if (!g) continue;
    line += (line.empty() ? "M" : " L") + num(xs[i]) + " " + num(y.at(g->mean_coop));
    upper += (upper.empty() ? "" : " ") + num(xs[i]) + "," + num(y.at(g->ci_high));
    lower = num(xs[i]) + "," + num(y.at(g->ci_low)) + (lower.empty() ? "" : " ") + lower;
  }
  std::string out;
  if (band) out += "<polygon class=\"band\" points=\"" + upper + " " + lower + "\"/>";
  return out + "<path class=\"series\" d=\"" + line + "\"";
}

// Mean coop per period: a line per series, with its interval band when alone.
std::string time_chart(const Comparison& c, int pk) {
  std::vector<std::string> periods;
  for (const GroupStats& g : c.groups)
    if (std::find(periods.begin(), periods.end(), g.key[pk]) == periods.end()) periods.push_back(g.key[pk]);
  std::sort(periods.begin(), periods.end());
  std::vector<Series> series = time_series(c, pk, periods);
  const double width = 860, height = 320, left = 70, right = 840, top = 20, bottom = 250;
  std::vector<GroupStats> shown;
  for (const Series& s : series)
    for (const GroupStats* g : s.points)
      if (g) shown.push_back(*g);
  Axis y = coop_axis(shown, bottom, top);
  std::vector<double> xs;
  for (size_t i = 0; i < periods.size(); ++i)
    xs.push_back(periods.size() == 1 ? (left + right) / 2
                                     : left + 20 + (right - left - 40) * static_cast<double>(i) / static_cast<double>(periods.size() - 1));
  std::string s = "<svg class=\"chart\" role=\"img\" aria-label=\"mean cooperation score over time\" viewBox=\"0 0 " + num(width) +
                  " " + num(height) + "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\">";
  s += grid(y, left, right, true);
  size_t every = std::max<size_t>(1, periods.size() / 12);
  for (size_t i = 0; i < periods.size(); i += every)
    s += "<text class=\"tick\" x=\"" + num(xs[i]) + "\" y=\"" + num(bottom + 20) + "\" text-anchor=\"middle\">" + esc(periods[i]) + "</text>";
  for (size_t k = 0; k < series.size(); ++k) {
    const char* color = series_color(k);
    s += series_path(series[k], xs, y, series.size() == 1) + " stroke=\"" + color + "\"/>";
    for (size_t i = 0; i < xs.size(); ++i)
      if (const GroupStats* g = series[k].points[i])
        s += "<circle cx=\"" + num(xs[i]) + "\" cy=\"" + num(y.at(g->mean_coop)) + "\" r=\"4\" fill=\"" + color + "\"><title>" +
             esc(g->label() + ": " + signed_text(g->mean_coop) + " (n=" + std::to_string(g->quotes) + ")") + "</title></circle>";
    if (series.size() > 1)
      s += "<rect x=\"" + num(left + 135.0 * static_cast<double>(k)) + "\" y=\"" + num(height - 26) + "\" width=\"12\" height=\"12\" fill=\"" +
           color + "\"/><text class=\"tick\" x=\"" + num(left + 135.0 * static_cast<double>(k) + 18) + "\" y=\"" + num(height - 16) +
           "\">" + esc(clip(series[k].name, 16)) + "</text>";
  }
  return s + "</svg>";
}

std::string heat_color(double coop) {
  double a = std::min(1.0, std::fabs(coop) / 0.4) * 0.85 + 0.08;
  char b[64];
  std::snprintf(b, sizeof b, coop < 0 ? "rgba(231,111,81,%.2f)" : "rgba(42,157,143,%.2f)", a);
  return b;
}

// Two keys: a table of mean coop, coloured by its value.
std::string heat_table(const Comparison& c) {
  std::vector<std::string> rows_k, cols_k;
  for (const GroupStats& g : c.groups) {
    if (std::find(rows_k.begin(), rows_k.end(), g.key[0]) == rows_k.end()) rows_k.push_back(g.key[0]);
    if (std::find(cols_k.begin(), cols_k.end(), g.key[1]) == cols_k.end()) cols_k.push_back(g.key[1]);
  }
  if (compare::is_period(c.config.keys[1])) std::sort(cols_k.begin(), cols_k.end());
  std::string s = "<div class=\"scroll\"><table class=\"heat\"><tr><th>" + esc(compare::group_key_name(c.config.keys[0])) + "</th>";
  for (const std::string& k : cols_k) s += "<th>" + esc(k) + "</th>";
  s += "</tr>";
  for (const std::string& r : rows_k) {
    s += "<tr><th>" + esc(r) + "</th>";
    for (const std::string& k : cols_k) {
      auto it = std::find_if(c.groups.begin(), c.groups.end(),
                             [&](const GroupStats& g) { return g.key[0] == r && g.key[1] == k; });
      if (it == c.groups.end()) s += "<td class=\"empty\">\xC2\xB7</td>";
      else s += "<td style=\"background:" + heat_color(it->mean_coop) + "\">" + signed_text(it->mean_coop, 2) +
                "<small>n=" + std::to_string(it->quotes) + "</small></td>";
    }
    s += "</tr>";
  }
  return s + "</table></div>";
}

std::string quote_html(const char* what, const compare::QuoteRef& q) {
  return std::string("<figure class=\"quote\"><figcaption>") + what + " <b>" + signed_text(q.coop) + "</b></figcaption><blockquote>\xE2\x80\x9C" +
         esc(q.text) + "\xE2\x80\x9D</blockquote><cite>" + esc(q.speaker) + " \xC2\xB7 " + esc(q.doc_id) + " #" +
         std::to_string(q.index) + "</cite></figure>";
}

std::string group_card(const Comparison& c, const GroupStats& g) {
  std::string s = "<section class=\"card\"><h3>" + esc(g.label()) + " <span class=\"muted\">" + std::to_string(g.quotes) +
                  (g.quotes == 1 ? " quote" : " quotes") + "</span></h3><p class=\"big " + (g.mean_coop < 0 ? "negt" : "post") + "\">" +
                  signed_text(g.mean_coop) + " <span class=\"muted\">" + esc(interval_name(c)) + " " + signed_text(g.ci_low) + " to " +
                  signed_text(g.ci_high) + "</span></p>";
  s += quote_html("most constructive", g.most_constructive);
  if (g.quotes > 1) s += quote_html("most critical", g.most_critical);
  if (!g.evidence.empty()) {
    s += "<p class=\"muted\">what drove the tone</p><ul class=\"evidence\">";
    for (const compare::EvidenceSum& e : g.evidence)
      s += "<li><span class=\"chip\" style=\"border-color:" + std::string(label_color(e.label, 0)) + "\">" + esc(e.label) + "</span> " +
           esc(e.feature) + " <span class=\"muted\">" + fixed(e.weight, 2) + " \xC2\xB7 " + std::to_string(e.quotes) + (e.quotes == 1 ? " quote" : " quotes") + "</span></li>";
    s += "</ul>";
  }
  return s + "</section>";
}

std::string headline(const Comparison& c) {
  if (!c.difference) return "";
  const compare::Difference& d = *c.difference;
  bool rare = d.p_value < 0.05;
  return "<section class=\"headline\"><p><b>" + esc(d.first) + "</b> \xE2\x88\x92 <b>" + esc(d.second) + "</b>: <span class=\"big\">" +
         signed_text(d.diff) + "</span> mean coop \xC2\xB7 permutation p = " + p_text(d.p_value) + "</p><p class=\"muted\">" +
         (rare ? "A difference this large would rarely arise if both groups' quotes were alike"
               : "A difference this large could easily arise by chance with so few quotes") +
         " (two-sided test, " + std::to_string(d.permutations) + " permutations).</p></section>";
}

const char* const kCss = R"(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2733;background:#f6f7f9;margin:0}
main{max-width:920px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:16px;margin:0 0 6px}
.muted{color:#6b7480;font-weight:normal}.sub{color:#56606b;margin:0 0 18px}
.panel,.card,.headline{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:14px 16px;margin:12px 0}
.headline{border-left:5px solid #264653}.big{font-size:20px;font-weight:600}
.post{color:#1f7a6f}.negt{color:#c4502f}
svg.chart{max-width:100%;height:auto;display:block}
svg .grid{stroke:#e6e8eb}svg .zero{stroke:#8a939d;stroke-width:1.5}
svg .tick{font-size:11px;fill:#6b7480}svg .name{font-size:13px;fill:#1d2733}svg .value{font-size:13px;fill:#1d2733;font-weight:600}
svg .muted{fill:#6b7480;font-weight:normal}svg .inbar{font-size:11px;fill:#fff}
svg .pos{fill:#2a9d8f}svg .neg{fill:#e76f51}svg .whisker line{stroke:#1d2733;stroke-width:1.5}
svg .series{fill:none;stroke-width:2.5}svg .band{fill:#264653;opacity:.12}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(400px,1fr));gap:12px}
.quote{margin:8px 0}.quote figcaption{font-size:12px;color:#6b7480;text-transform:uppercase;letter-spacing:.04em}
blockquote{margin:2px 0;padding:4px 10px;border-left:3px solid #d0d5db;font-style:italic}cite{font-size:12px;color:#6b7480}
.evidence{margin:4px 0;padding-left:0;list-style:none;font-size:13px}.evidence li{margin:2px 0}
.chip{display:inline-block;border:1.5px solid;border-radius:9px;padding:0 6px;font-size:11px}
.scroll{overflow-x:auto}table.heat{border-collapse:collapse;font-size:13px}
.heat th,.heat td{padding:5px 8px;border:1px solid #fff;text-align:center}.heat th{background:#eef0f3;text-align:left}
.heat td small{display:block;color:#1d2733;opacity:.7}.heat td.empty{color:#b0b6bd}
footer{font-size:12px;color:#6b7480;margin-top:24px}
)";

}  // namespace

std::string render_html(const Comparison& c, const std::string& title) {
  std::string s = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                  "<title>" + esc(title) + "</title><style>" + kCss + "</style></head><body><main>";
  s += "<h1>" + esc(title) + "</h1><p class=\"sub\">Tone of quoted speech by " + esc(key_title(c)) + " \xC2\xB7 " +
       std::to_string(c.quotes_counted) + " of " + std::to_string(c.quotes_read) + " quotes counted in " +
       std::to_string(c.groups.size()) + (c.groups.size() == 1 ? " group" : " groups") + "</p>";
  if (c.groups.empty()) return s + "<p>No speech quotes with a tone label fell in any group.</p></main></body></html>\n";
  s += headline(c);
  s += "<h2>Cooperation score</h2><div class=\"panel\"><p class=\"muted\">Mean <i>coop</i> per group (\xE2\x88\x92" "1 hostile \xE2\x80\xA6 +1 warm; "
       "praise is about +0.35, criticism about \xE2\x88\x92" "0.2); whiskers: " + esc(interval_name(c)) + " (bootstrap).</p>" + tone_bars(c) + "</div>";
  if (int pk = period_key(c); pk >= 0)
    s += "<h2>Over time</h2><div class=\"panel\">" + time_chart(c, pk) + "</div>";
  if (c.config.keys.size() == 2) s += "<h2>" + esc(key_title(c)) + "</h2><div class=\"panel\">" + heat_table(c) + "</div>";
  s += "<h2>Tone labels</h2><div class=\"panel\">" + share_bars(c) + "</div>";
  s += "<h2>Groups</h2><div class=\"cards\">";
  for (size_t i = 0; i < c.groups.size() && i < kMaxChartGroups; ++i) s += group_card(c, c.groups[i]);
  s += "</div><footer><p>Only quoted speech with a tone label counts. ";
  if (c.groups.size() > kMaxChartGroups) s += "The charts show the first " + std::to_string(kMaxChartGroups) + " groups. ";
  if (!c.excluded.empty()) s += "Not counted: " + esc(excluded_text(c)) + ". ";
  if (!c.unmatched_speakers.empty()) s += "Speakers not in the sides file: " + esc(unmatched_text(c)) + ". ";
  s += "Intervals: percentile bootstrap, " + std::to_string(c.config.bootstrap) + " resamples; seed " +
       std::to_string(c.config.seed) + ". Made by quotient compare.</p></footer></main></body></html>\n";
  return s;
}


// --- The verb ------------------------------------------------------------------

namespace {

constexpr int kExitOk = 0, kExitInput = 1, kExitUsage = 2, kExitOutput = 3, kExitModel = 4;

const char* const kUsage = R"(Usage: quotient compare [OPTIONS] [INPUT...]

Compares the tone of quoted speech across groups: speakers, sides, outlets,
documents or periods, or two of these at once (a table). Per group: quotes,
mean cooperation score (coop) with a bootstrap interval, the share of each
tone label, the evidence that drove it, and the most constructive and most
critical quote. With exactly two groups, their difference and a permutation
test p-value. Only SPEECH quotes with a tone label count.

Inputs (default: standard input):
  quote records   FILE.jsonl from 'quotient analyze -f jsonl' (QuoteRecord per
                  line) or '-f results' (DocumentResult per line)
  FILE.pb         the length-delimited stream from 'quotient analyze -f pb'
  documents       .txt, document .jsonl, .gz/.zst, directories: analyzed here
                  with the tone model first (as 'quotient analyze' would)
A .jsonl file's first line decides what it holds; standard input is sniffed
the same way (JSON lines, a pb stream, or else one text document).

Records carry only a doc_id: for --by outlet and the periods, give the
documents with --docs (their "outlet" and "date" are joined by id).

Examples:
  quotient analyze -f jsonl -o quotes.jsonl corpus/
  quotient compare --by speaker quotes.jsonl
  printf 'Foreign Office\tUK\nDing Xuexiang\tChina\n' > sides.tsv
  quotient compare --by side --sides sides.tsv article.txt
  quotient compare --by speaker,month --docs corpus.jsonl quotes.jsonl
  quotient compare --by side --sides sides.tsv -f html -o report.html quotes.jsonl
  quotient analyze -f pb corpus/ | quotient compare --by outlet -f csv

Options)";

const char* const kEpilogue = R"(
Keys (--by): speaker (canonical name), side (needs --sides: a TSV file of
  'speaker<TAB>side' lines, matched against the speaker's name or mention,
  exactly; '#' starts a comment line), outlet, document, day, week (ISO
  8601, 2024-W42), month. Two keys, comma-separated, make a table.
Formats (-f): table (default on a terminal), csv, json (default otherwise),
  html (a self-contained report with charts; no scripts, nothing fetched).
Results are reproducible: the same input and --seed give the same intervals
  and p-value on every machine.

Exit status: 0 done; 1 an input, --sides or --docs file could not be read;
2 usage error; 3 the output could not be written; 4 the tone model (needed
only for document inputs) could not be loaded.
)";

struct Options {
  std::vector<std::string> inputs, docs;
  std::string by = "speaker", sides, format = "auto", output = "-", model, input_format = "auto", title;
  uint64_t seed = compare::CompareConfig{}.seed;
  size_t bootstrap = 2000, permutations = 10000, top_evidence = 5;
  bool quiet = false;
};

po::options_description describe(Options& o) {
  po::options_description d(kUsage);
  d.add_options()
    ("help,h", "show this help")
    ("by,b", po::value(&o.by), "KEY or KEY,KEY: speaker | side | outlet | document | day | week | month (default: speaker)")
    ("sides,s", po::value(&o.sides), "TSV file 'speaker<TAB>side' for --by side")
    ("docs,d", po::value(&o.docs), "documents (.jsonl, also .gz/.zst; repeatable) whose outlet and date are joined to records by id")
    ("format,f", po::value(&o.format), "table | csv | json | html (default: table on a terminal, else json)")
    ("output,o", po::value(&o.output), "write here instead of standard output; the file appears only when complete")
    ("seed", po::value(&o.seed), "seed for the bootstrap and the permutations (default: 20241018)")
    ("bootstrap", po::value(&o.bootstrap), "bootstrap resamples per group (default: 2000; 0: no interval)")
    ("permutations", po::value(&o.permutations), "permutations for the two-group test (default: 10000; 0: no test)")
    ("top-evidence", po::value(&o.top_evidence), "evidence features listed per group (default: 5)")
    ("input-format", po::value(&o.input_format), "auto | records | pb | documents (default: auto)")
    ("model,m", po::value(&o.model), "tone model for document inputs (default: the shipped model)")
    ("title", po::value(&o.title), "title of the HTML report")
    ("quiet,q", po::bool_switch(&o.quiet), "no summary and no per-line problems on stderr");
  return d;
}

int usage(const std::string& message) {
  std::cerr << "quotient compare: " << message << "\nTry 'quotient compare --help'.\n";
  return kExitUsage;
}

// The configuration from the options; an error message, or "".
std::string make_config(const Options& o, compare::CompareConfig* c) {
  c->keys.clear();
  std::stringstream by(o.by);
  for (std::string part; std::getline(by, part, ',');) {
    std::optional<compare::GroupKey> k = compare::parse_group_key(part);
    if (!k) return "unknown key '" + part + "' (speaker, side, outlet, document, day, week, month)";
    c->keys.push_back(*k);
  }
  c->seed = o.seed;
  c->bootstrap = o.bootstrap;
  c->permutations = o.permutations;
  c->top_evidence = o.top_evidence;
  if (std::string err = c->validate(); !err.empty()) return err;
  bool side = std::find(c->keys.begin(), c->keys.end(), compare::GroupKey::kSide) != c->keys.end();
  if (side && o.sides.empty()) return "--by side needs --sides FILE";
  if (!side && !o.sides.empty()) return "--sides is for --by side";
  if (o.input_format != "auto" && o.input_format != "records" && o.input_format != "pb" && o.input_format != "documents")
    return "unknown input format '" + o.input_format + "' (auto, records, pb, documents)";
  return "";
}

bool has_suffix(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads every input into the comparer, reporting problems on stderr.
class Run {
 public:
  Run(const Options& o, compare::Comparer* comparer) : o_(o), comparer_(comparer) {}

  // Loads --docs; false (after a message) when one cannot be read.
  bool load_docs();
  // Reads one input; an exit code other than kExitOk stops the run.
  int read(const std::string& input);
  std::string summary() const;

 private:
  int read_records(std::istream& in, const std::string& name, bool pb);
  int read_documents(const std::string& input);
  int analyze(const Document& doc);
  int read_stdin();
  const compare::DocInfo* info(const std::string& doc_id) const;
  void problem(const compare::Status& s);

  const Options& o_;
  compare::Comparer* comparer_;
  std::unordered_map<std::string, compare::DocInfo> docs_;
  std::optional<model::ToneModel> model_;
  std::unique_ptr<Analyzer> analyzer_;
  size_t documents_ = 0, records_ = 0, problems_ = 0;
};

void Run::problem(const compare::Status& s) {
  ++problems_;
  if (!o_.quiet) std::cerr << "quotient compare: " << s.to_string() << "\n";
}

bool Run::load_docs() {
  InputReader reader(o_.docs, ReaderConfig{ReaderConfig::Format::kJsonl});
  InputItem item;
  bool ok = true;
  while (reader.next(&item)) {
    if (item.failure) {
      std::cerr << "quotient compare: --docs " << item.source << (item.line ? ":" + std::to_string(item.line) : "") << ": "
                << (item.failure->diagnostics().empty() ? "unreadable" : item.failure->diagnostics(0).message()) << "\n";
      ok = ok && item.failure->status() == DocumentResult::SKIPPED;
      continue;
    }
    docs_[item.doc.id()] = {item.doc.outlet(), item.doc.date()};
  }
  return ok;
}

const compare::DocInfo* Run::info(const std::string& doc_id) const {
  auto it = docs_.find(doc_id);
  return it == docs_.end() ? nullptr : &it->second;
}

int Run::read_records(std::istream& in, const std::string& name, bool pb) {
  auto sink = [&](const DocumentResult& r) {
    ++records_;
    comparer_->add(r, info(r.doc_id()));
  };
  compare::Status s = pb ? compare::read_record_pb(in, name, sink)
                         : compare::read_record_jsonl(in, name, sink, [&](const compare::Status& p) { problem(p); });
  if (s.ok()) return kExitOk;
  std::cerr << "quotient compare: " << s.to_string() << "\n";
  return kExitInput;
}

int Run::analyze(const Document& doc) {
  if (!analyzer_) {
    auto loaded = model::ToneModel::load(o_.model.empty() ? model::ToneModel::default_path() : o_.model);
    if (!loaded) {
      std::cerr << "quotient compare: " << loaded.status().to_string() << "\n(documents need the tone model: use --model FILE)\n";
      return kExitModel;
    }
    model_.emplace(std::move(loaded).value());
    analyzer_ = std::make_unique<Analyzer>(PipelineConfig{}, &*model_);
  }
  ++documents_;
  DocumentResult r = analyzer_->analyze(doc);
  for (const Diagnostic& d : r.diagnostics())
    if (d.severity() == Diagnostic::ERROR && !o_.quiet)
      std::cerr << "quotient compare: document " << doc.id() << ": byte " << d.offset() << ": " << d.message() << "\n";
  compare::DocInfo own{doc.outlet(), doc.date()};
  if (const compare::DocInfo* joined = info(doc.id())) {
    if (own.outlet.empty()) own.outlet = joined->outlet;
    if (own.date.empty()) own.date = joined->date;
  }
  comparer_->add(r, &own);
  return kExitOk;
}

int Run::read_documents(const std::string& input) {
  InputReader reader({input}, ReaderConfig{});
  InputItem item;
  while (reader.next(&item)) {
    if (item.failure) {
      ++problems_;
      std::cerr << "quotient compare: " << item.source << (item.line ? ":" + std::to_string(item.line) : "") << ": "
                << (item.failure->diagnostics().empty() ? "unreadable" : item.failure->diagnostics(0).message()) << "\n";
      continue;
    }
    if (int rc = analyze(item.doc); rc != kExitOk) return rc;
  }
  return kExitOk;
}

// A length-delimited stream whose first message parses (sniffing stdin).
bool looks_like_pb(const std::string& bytes) {
  std::istringstream in(bytes.substr(0, std::min<size_t>(bytes.size(), 1 << 20)));
  google::protobuf::io::IstreamInputStream raw(&in);
  google::protobuf::io::CodedInputStream coded(&raw);
  uint32_t size = 0;
  if (bytes.empty() || !coded.ReadVarint32(&size) || size == 0 || size > bytes.size()) return false;
  if (static_cast<unsigned char>(bytes[coded.CurrentPosition()]) != 0x0A) return false;  // field 1, doc_id
  DocumentResult r;
  auto limit = coded.PushLimit(static_cast<int>(size));
  return r.ParseFromCodedStream(&coded) && !r.doc_id().empty() && (coded.PopLimit(limit), true);
}

int Run::read_stdin() {
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  size_t first = bytes.find_first_not_of(" \t\r\n");
  std::istringstream in(bytes);
  if (o_.input_format == "pb" || (o_.input_format == "auto" && first != std::string::npos && bytes[first] != '{' && looks_like_pb(bytes)))
    return read_records(in, "-", true);
  bool jsonl = first != std::string::npos && bytes[first] == '{';
  std::string line;
  if (jsonl) std::getline(std::istringstream(bytes.substr(first)), line);
  bool documents = o_.input_format == "documents" ||
                   (o_.input_format == "auto" && (!jsonl || compare::sniff_jsonl_line(line) == compare::LineKind::kDocument));
  if (!documents) return read_records(in, "-", false);
  if (!jsonl) {
    Document doc;
    doc.set_id("stdin");
    doc.set_text(bytes);
    return analyze(doc);
  }
  uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Document doc;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    if (!google::protobuf::util::JsonStringToMessage(line, &doc, options).ok()) {
      compare::Status s = model::make_error(model::ErrorCode::kParse, "not a document JSON line", "-");
      s.line = line_no;
      problem(s);
      continue;
    }
    if (int rc = analyze(doc); rc != kExitOk) return rc;
  }
  return kExitOk;
}

int Run::read(const std::string& input) {
  if (input == "-") return read_stdin();
  struct stat st {};
  bool dir = ::stat(input.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  bool pb = o_.input_format == "pb" || (o_.input_format == "auto" && has_suffix(input, ".pb"));
  bool jsonl = has_suffix(input, ".jsonl") || has_suffix(input, ".ndjson");
  if (o_.input_format == "documents" || dir || (o_.input_format == "auto" && !pb && !jsonl)) return read_documents(input);
  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::cerr << "quotient compare: " << input << ": cannot open\n";
    return kExitInput;
  }
  if (!pb && o_.input_format == "auto") {
    std::string line;
    while (std::getline(in, line) && line.find_first_not_of(" \t\r") == std::string::npos) {}
    if (compare::sniff_jsonl_line(line) == compare::LineKind::kDocument) return read_documents(input);
    in.clear();
    in.seekg(0);
  }
  return read_records(in, input, pb);
}

std::string Run::summary() const {
  std::string s = documents_ ? std::to_string(documents_) + " documents analyzed" : std::to_string(records_) + " record lines read";
  if (problems_) s += ", " + std::to_string(problems_) + " problems";
  return s;
}

std::string render(const std::string& format, const Comparison& c, const std::string& title) {
  if (format == "table") return render_table(c);
  if (format == "csv") return render_csv(c);
  if (format == "html") return render_html(c, title);
  return render_json(c);
}

}  // namespace

int compare_main(int argc, char** argv) {
  Options o;
  if (int rc = parse_verb_args(argc, argv, "compare", describe(o), &o.inputs, kEpilogue); rc >= 0) return rc;
  if (o.inputs.empty()) o.inputs.push_back("-");
  if (o.format == "auto") o.format = (o.output == "-" && ::isatty(1)) ? "table" : "json";
  if (o.format != "table" && o.format != "csv" && o.format != "json" && o.format != "html")
    return usage("unknown format '" + o.format + "' (table, csv, json, html)");
  compare::CompareConfig config;
  if (std::string err = make_config(o, &config); !err.empty()) return usage(err);
  std::optional<compare::SideMap> sides;
  if (!o.sides.empty()) {
    auto loaded = compare::load_sides(o.sides);
    if (!loaded) {
      std::cerr << "quotient compare: " << loaded.status().to_string() << "\n";
      return kExitInput;
    }
    sides = std::move(loaded).value();
  }
  compare::Comparer comparer(config, sides ? &*sides : nullptr);
  Run run(o, &comparer);
  if (!o.docs.empty() && !run.load_docs()) return kExitInput;
  for (const std::string& input : o.inputs)
    if (int rc = run.read(input); rc != kExitOk) return rc;
  Comparison c = comparer.finish();
  std::unique_ptr<OutputFile> out = OutputFile::open(o.output);
  std::string title = o.title.empty() ? "Tone by " + key_title(c) : o.title;
  out->write(render(o.format, c, title));
  if (!out->commit()) {
    std::cerr << "quotient compare: " << out->error() << "\n";
    return kExitOutput;
  }
  if (!o.quiet && o.format != "table")
    std::cerr << "quotient compare: " << run.summary() << "; " << c.quotes_counted << " of " << c.quotes_read
              << " quotes counted in " << c.groups.size() << " groups\n";
  return kExitOk;
}

}  // namespace quotient::cli
