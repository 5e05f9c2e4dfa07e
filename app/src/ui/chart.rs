//! A laboratory trend as a server-rendered SVG. The picture is for sighted readers; the
//! page always gives the same figures as a table, and the SVG's title and description
//! say what it shows.

use std::fmt::Write;

use archive::model::{AbnormalFlag, LabSeries};

use crate::i18n::Lang;
use crate::i18n::LangExt as _;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

/// Escapes text for XML.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A day as a number on the time axis (with the hour as a fraction).
fn day_number(at: time::PrimitiveDateTime) -> f64 {
    f64::from(at.date().to_julian_day()) + f64::from(at.hour()) / 24.0
}

/// The series in one sentence: how many results over which time, and the latest. The
/// picture's description, and shown under it for everyone.
#[must_use]
pub fn trend_summary(series: &LabSeries, lang: Lang) -> String {
    match (series.points.first(), series.points.last()) {
        (Some(first), Some(last)) => lang.tr_args(
            "lab-chart-desc",
            &[
                ("count", crate::i18n::count(series.points.len())),
                ("first", lang.date(first.taken_at.date()).into()),
                ("last", lang.date(last.taken_at.date()).into()),
                ("value", lang.number(last.value).into()),
                ("unit", series.unit.clone().into()),
            ],
        ),
        _ => lang.tr("lab-chart-empty"),
    }
}

/// One point of a line: when, the value, whether it is marked (outside a reference
/// range: drawn larger and square, so the difference does not rest on colour alone),
/// and what its tooltip says.
#[derive(Debug, Clone, PartialEq)]
pub struct PlotPoint {
    pub at: time::PrimitiveDateTime,
    pub value: f64,
    pub marked: bool,
    pub label: String,
}

/// What a plot draws: its title and one-sentence description (the SVG's own, for a
/// screen reader), a band (a reference range: either end may be open), and its lines,
/// each with its class (its colour and dash in the style sheet: a second line is
/// dashed, so the lines differ by more than colour).
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    pub title: String,
    pub desc: String,
    pub band: Option<(Option<f64>, Option<f64>)>,
    pub lines: Vec<Vec<PlotPoint>>,
}

/// The lab series as a plot.
fn lab_plot(series: &LabSeries, lang: Lang) -> Plot {
    Plot {
        title: lang.tr_args(
            "lab-chart-title",
            &[("test", series.test_name.clone().into())],
        ),
        desc: trend_summary(series, lang),
        band: (series.reference_low.is_some() || series.reference_high.is_some())
            .then_some((series.reference_low, series.reference_high)),
        lines: vec![series
            .points
            .iter()
            .map(|p| PlotPoint {
                at: p.taken_at,
                value: p.value,
                marked: p.flag != AbnormalFlag::Normal,
                label: format!(
                    "{} {} {}{}",
                    lang.date(p.taken_at.date()),
                    lang.number(p.value),
                    series.unit,
                    match p.flag {
                        AbnormalFlag::Normal => String::new(),
                        f => format!(" ({})", lang.tr(flag_key(f))),
                    }
                ),
            })
            .collect()],
    }
}

/// Draws the lab series. `id` prefixes the element ids so two charts can share a page.
#[must_use]
pub fn trend_svg(series: &LabSeries, lang: Lang, id: &str) -> String {
    plot_svg(&lab_plot(series, lang), lang, id)
}

/// Draws a plot. `id` prefixes the element ids so two charts can share a page.
#[must_use]
#[allow(clippy::too_many_lines)]
pub fn plot_svg(plot: &Plot, lang: Lang, id: &str) -> String {
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-labelledby="{id}-title {id}-desc" class="lab-chart"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(&plot.title),
        escape(&plot.desc)
    );
    let all: Vec<&PlotPoint> = plot.lines.iter().flatten().collect();
    if all.is_empty() {
        svg.push_str("</svg>");
        return svg;
    }
    let mut lo = all.iter().map(|p| p.value).fold(f64::INFINITY, f64::min);
    let mut hi = all
        .iter()
        .map(|p| p.value)
        .fold(f64::NEG_INFINITY, f64::max);
    for r in plot
        .band
        .iter()
        .flat_map(|(low, high)| [*low, *high])
        .flatten()
    {
        lo = lo.min(r);
        hi = hi.max(r);
    }
    let pad = ((hi - lo) * 0.1).max(hi.abs() * 0.05).max(0.1);
    lo = (lo - pad).max(0.0);
    hi += pad;
    let first = all
        .iter()
        .map(|p| p.at)
        .min()
        .unwrap_or(time::PrimitiveDateTime::MIN);
    let last = all.iter().map(|p| p.at).max().unwrap_or(first);
    let x0 = day_number(first);
    let x1 = day_number(last);
    let span = (x1 - x0).max(1.0);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let single = first == last;
    let sx = |d: f64| {
        if single {
            LEFT + plot_w / 2.0
        } else {
            LEFT + (d - x0) / span * plot_w
        }
    };
    let sy = |v: f64| TOP + (hi - v) / (hi - lo) * plot_h;

    // The reference range as a band.
    if let Some((low, high)) = plot.band {
        let top = sy(high.unwrap_or(hi));
        let bottom = sy(low.unwrap_or(lo));
        let _ = write!(
            svg,
            r##"<rect x="{LEFT}" y="{top:.1}" width="{plot_w}" height="{:.1}" class="lab-chart-range" fill="#dcfce7"/>"##,
            (bottom - top).max(0.0)
        );
    }
    // Axes and y ticks.
    let _ = write!(
        svg,
        r##"<g stroke="#374151" stroke-width="1"><line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{}"/><line x1="{LEFT}" y1="{}" x2="{}" y2="{}"/></g>"##,
        TOP + plot_h,
        TOP + plot_h,
        LEFT + plot_w,
        TOP + plot_h
    );
    for i in 0..=4 {
        let v = lo + (hi - lo) * f64::from(i) / 4.0;
        let y = sy(v);
        let _ = write!(
            svg,
            r##"<line x1="{:.1}" y1="{y:.1}" x2="{LEFT}" y2="{y:.1}" stroke="#374151"/><text x="{:.1}" y="{:.1}" text-anchor="end" font-size="12" fill="#111827">{}</text>"##,
            LEFT - 4.0,
            LEFT - 6.0,
            y + 4.0,
            escape(&lang.number((v * 10.0).round() / 10.0))
        );
    }
    // x labels: the first and last day (and the middle when there is room).
    let mut labelled = vec![(first, "start")];
    if !single {
        if all.len() > 4 {
            let middle = first + (last - first) / 2;
            labelled.push((middle, "middle"));
        }
        labelled.push((last, "end"));
    }
    for (at, anchor) in labelled {
        let _ = write!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="{anchor}" font-size="12" fill="#111827">{}</text>"##,
            sx(day_number(at)),
            HEIGHT - 14.0,
            escape(&lang.date(at.date()))
        );
    }
    // Each line and its points.
    for (n, points) in plot.lines.iter().enumerate() {
        let (colour, dash, class) = if n == 0 {
            ("#1d4ed8", "", "lab-point")
        } else {
            (
                "#7c2d12",
                r#" stroke-dasharray="6 4""#,
                "lab-point lab-point-second",
            )
        };
        let line: Vec<String> = points
            .iter()
            .map(|p| format!("{:.1},{:.1}", sx(day_number(p.at)), sy(p.value)))
            .collect();
        let _ = write!(
            svg,
            r##"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>"##,
            line.join(" ")
        );
        for p in points {
            let (x, y) = (sx(day_number(p.at)), sy(p.value));
            let label = escape(&p.label);
            if p.marked {
                let _ = write!(
                    svg,
                    r##"<rect x="{:.1}" y="{:.1}" width="10" height="10" fill="#b91c1c" class="lab-point lab-point-abnormal"><title>{label}</title></rect>"##,
                    x - 5.0,
                    y - 5.0
                );
            } else {
                let _ = write!(
                    svg,
                    r##"<circle cx="{x:.1}" cy="{y:.1}" r="4" fill="{colour}" class="{class}"><title>{label}</title></circle>"##
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The message id of a flag's name.
#[must_use]
pub const fn flag_key(flag: AbnormalFlag) -> &'static str {
    match flag {
        AbnormalFlag::Normal => "lab-flag-normal",
        AbnormalFlag::Low => "lab-flag-low",
        AbnormalFlag::High => "lab-flag-high",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use archive::model::{DocumentId, LabPoint};
    use time::macros::datetime;

    fn series(values: &[(f64, AbnormalFlag)]) -> LabSeries {
        LabSeries {
            test_code: "B-Hb".into(),
            test_name: "Hemoglobiini <&>".into(),
            unit: "g/L".into(),
            reference_low: Some(117.0),
            reference_high: Some(155.0),
            points: values
                .iter()
                .enumerate()
                .map(|(i, (v, f))| LabPoint {
                    document: DocumentId::from_raw(i as i64 + 1),
                    taken_at: datetime!(2025-01-01 08:00) + time::Duration::days(30 * i as i64),
                    value: *v,
                    flag: *f,
                })
                .collect(),
        }
    }

    #[test]
    fn draws_every_point_and_marks_the_abnormal_ones_by_shape() {
        let svg = trend_svg(
            &series(&[
                (120.0, AbnormalFlag::Normal),
                (160.0, AbnormalFlag::High),
                (130.0, AbnormalFlag::Normal),
            ]),
            Lang::Fi,
            "c",
        );
        assert_eq!(svg.matches("class=\"lab-point\"").count(), 2);
        assert_eq!(svg.matches("lab-point-abnormal").count(), 1);
        assert!(svg.contains("lab-chart-range"));
        assert!(svg.contains(r#"aria-labelledby="c-title c-desc""#));
        assert!(svg.contains("Hemoglobiini &lt;&amp;&gt;"));
        assert!(!svg.contains("<&>"));
    }

    #[test]
    fn one_point_is_drawn_in_the_middle() {
        let svg = trend_svg(&series(&[(120.0, AbnormalFlag::Normal)]), Lang::En, "c");
        assert!(svg.contains(&format!(
            "cx=\"{:.1}\"",
            LEFT + (WIDTH - LEFT - RIGHT) / 2.0
        )));
    }
}
