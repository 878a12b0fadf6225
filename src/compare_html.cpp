// compare_html.cpp — the self-contained HTML report of a Comparison for
// `quotient compare` (inline CSS and SVG, no scripts; declared in compare_cli.hpp).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "compare_cli.hpp"
#include "compare_text.hpp"

namespace quotient::cli {
using compare::Comparison;
using compare::GroupStats;
using namespace text;  // the helpers shared by the renderings

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

}  // namespace quotient::cli
