//! Sizes, text fitting, scales and ticks shared by the charts.

use super::scene::Font;

/// Sizes scaled to the canvas (the reference canvas is 1600×900).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Metrics {
    pub margin: f64,
    pub gap: f64,
    pub title_em: f64,
    pub subtitle_em: f64,
    pub label_em: f64,
    pub small_em: f64,
}

impl Metrics {
    pub fn for_size((w, h): (u32, u32)) -> Self {
        let s = (f64::from(w) / 1600.0).min(f64::from(h) / 900.0).max(0.05);
        Metrics {
            margin: 48.0 * s,
            gap: 22.0 * s,
            title_em: 34.0 * s,
            subtitle_em: 23.0 * s,
            label_em: 19.0 * s,
            small_em: 17.0 * s,
        }
    }
}

/// The rectangle a chart's data is drawn in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plot {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Plot {
    pub fn height(&self) -> f64 {
        (self.y1 - self.y0).max(0.0)
    }
}

/// Greedy word wrap; a word wider than `max_width` keeps a line to itself.
pub(crate) fn wrap(text: &str, font: Font, max_width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || font.width(&candidate) <= max_width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps `text` into at most `max_lines` lines no wider than `max_width`,
/// shrinking the font (not below `min_em`) until it fits; at the minimum
/// size the text takes as many lines as it needs rather than being cut.
pub(crate) fn fit_lines(
    text: &str,
    font: Font,
    max_width: f64,
    max_lines: usize,
    min_em: f64,
) -> (Font, Vec<String>) {
    let mut font = font;
    loop {
        let lines = wrap(text, font, max_width);
        let fits = lines.len() <= max_lines && lines.iter().all(|l| font.width(l) <= max_width);
        if fits || font.em <= min_em {
            return (font, lines);
        }
        font.em = (font.em * 0.92).max(min_em);
    }
}

/// The largest em (not above `font.em`) at which every text is at most
/// `max_width` wide.
pub(crate) fn fit_width<'a>(
    texts: impl Iterator<Item = &'a str>,
    font: Font,
    max_width: f64,
) -> Font {
    let widest = texts.map(|t| font.width(t)).fold(0.0, f64::max);
    if widest > max_width && widest > 0.0 {
        Font {
            em: font.em * max_width / widest,
            ..font
        }
    } else {
        font
    }
}

/// A linear map from data to pixels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    pub fn map(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span.abs() < f64::EPSILON {
            return self.r0;
        }
        self.r0 + (v - self.d0) / span * (self.r1 - self.r0)
    }
}

/// Round tick values covering `lo..=hi`, about `count` of them; the first
/// and last tick enclose the range.
pub(crate) fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() && hi > lo {
        (lo, hi)
    } else if lo.is_finite() {
        (lo, lo + 1.0)
    } else {
        (0.0, 1.0)
    };
    let raw = (hi - lo) / count.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let (first, last) = ((lo / step).floor(), (hi / step).ceil());
    // Degenerate ranges (no finite step, or a span lost to rounding at huge
    // magnitudes) fall back to the bare range rather than a tick per unit.
    if !(step.is_finite()
        && step > 0.0
        && first.abs() < 1e12
        && last.abs() < 1e12
        && last - first <= 50.0)
    {
        return vec![lo, hi];
    }
    let (first, last) = (first as i64, last as i64);
    (first..=last.max(first + 1))
        .map(|i| i as f64 * step)
        .collect()
}

/// Decimals needed to write ticks `step` apart without repeating a label.
pub(crate) fn tick_decimals(ticks: &[f64]) -> usize {
    let step = match ticks {
        [a, b, ..] => (b - a).abs(),
        _ => 1.0,
    };
    let mut d = 0;
    loop {
        let f = (step * 10f64.powi(d as i32)).fract().abs();
        if d >= 4 || !(1e-6..=1.0 - 1e-6).contains(&f) {
            return d;
        }
        d += 1;
    }
}

/// The left edge for a text of width `w` centred on `x`, moved to stay
/// within `left..right`.
pub(crate) fn clamp_left(x: f64, w: f64, left: f64, right: f64) -> f64 {
    (x - w / 2.0).min(right - w).max(left)
}

/// The parts of a polyline with `lo <= y <= hi`, cut where it crosses the
/// bounds, so a curve leaving the plot stops at its edge.
pub(crate) fn clip_y(points: &[(f64, f64)], lo: f64, hi: f64) -> Vec<Vec<(f64, f64)>> {
    let inside = |y: f64| y >= lo && y <= hi;
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for pair in points.windows(2) {
        let (&(x0, y0), &(x1, y1)) = match pair {
            [a, b] => (a, b),
            _ => continue,
        };
        if !(x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite()) {
            runs.push(std::mem::take(&mut run));
            continue;
        }
        let at = |y: f64| {
            let t = if (y1 - y0).abs() < f64::EPSILON {
                0.0
            } else {
                (y - y0) / (y1 - y0)
            };
            (x0 + t * (x1 - x0), y)
        };
        let start = if inside(y0) {
            (x0, y0)
        } else {
            at(y0.clamp(lo, hi))
        };
        let end = if inside(y1) {
            (x1, y1)
        } else {
            at(y1.clamp(lo, hi))
        };
        let crosses = inside(y0) || inside(y1) || (y0 < lo && y1 > hi) || (y0 > hi && y1 < lo);
        if !crosses {
            runs.push(std::mem::take(&mut run));
            continue;
        }
        if run.last() != Some(&start) {
            runs.push(std::mem::take(&mut run));
            run.push(start);
        }
        run.push(end);
        if !inside(y1) {
            runs.push(std::mem::take(&mut run));
        }
    }
    runs.push(run);
    runs.retain(|r| r.len() >= 2);
    runs
}

/// Moves label positions apart so that neighbours are at least `gap` apart,
/// keeping them within `lo..=hi` where there is room; order is preserved.
pub(crate) fn dodge(ys: &mut [f64], gap: f64, lo: f64, hi: f64) {
    let mut idx: Vec<usize> = (0..ys.len()).collect();
    idx.sort_by(|&a, &b| ys[a].total_cmp(&ys[b]));
    let mut prev = f64::NEG_INFINITY;
    for &i in &idx {
        ys[i] = ys[i].max(prev + gap).max(lo);
        prev = ys[i];
    }
    let mut next = f64::INFINITY;
    for &i in idx.iter().rev() {
        ys[i] = ys[i].min(next - gap).min(hi);
        next = ys[i];
    }
}

/// Rectangles already covered by labels, to keep new labels off them.
#[derive(Debug, Default)]
pub(crate) struct Occupied(Vec<[f64; 4]>);

impl Occupied {
    /// True if `[x0, y0, x1, y1]` overlaps nothing taken so far.
    pub fn is_free(&self, r: [f64; 4]) -> bool {
        self.0
            .iter()
            .all(|o| r[2] <= o[0] || r[0] >= o[2] || r[3] <= o[1] || r[1] >= o[3])
    }
    pub fn take(&mut self, r: [f64; 4]) {
        self.0.push(r);
    }
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
