//! The progress chart: average pain at each visit as a line (0–10) over
//! grey bars for the share of planned sessions done (0–100 %), drawn by
//! `plotters` as SVG.
//!
//! Why plotters and SVG: plotters gives the axes, grid, bars and line
//! without hand-written geometry, and its SVG backend needs no fonts or
//! bitmap code. The SVG then takes the road every ptbuilder drawing
//! takes (the store's checks, usvg, svg2pdf for the PDF as vectors, resvg
//! for the window's picture), so the report and the window show the same
//! chart. The chart holds no text: usvg here has no system fonts (see
//! `svg_form.rs`), and labels printed as real text stay searchable in the
//! PDF, so the caller places them with [`ChartFrame`].

use crate::program::Visit;
use plotters::prelude::*;

/// Where a chart of a given size draws its plot, to place labels beside it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartFrame {
    /// Width of the drawing.
    pub width: f32,
    /// Height of the drawing.
    pub height: f32,
    /// Empty space on each side of the plot.
    pub margin: f32,
    /// How many visits it shows.
    pub visits: usize,
}

impl ChartFrame {
    /// A frame `width` by `height` for `visits` visits.
    pub fn new(width: f32, height: f32, visits: usize) -> Self {
        Self {
            width,
            height,
            margin: (height * 0.06).max(4.0).round(),
            visits,
        }
    }

    /// The centre of visit `index` across, from the drawing's left.
    pub fn x(&self, index: usize) -> f32 {
        let inner = self.width - 2.0 * self.margin;
        self.margin + inner * (index as f32 + 0.5) / self.visits.max(1) as f32
    }

    /// The height of a pain score (0–10), from the drawing's top.
    pub fn y(&self, score: f32) -> f32 {
        let inner = self.height - 2.0 * self.margin;
        self.margin + inner * (1.0 - score / 10.0)
    }
}

/// The chart of `visits` as SVG text, `frame` in size.
pub fn svg(visits: &[Visit], frame: ChartFrame) -> String {
    let mut text = String::new();
    // Drawing into a string cannot fail; a failure would leave an empty
    // chart, which the caller reports as a missing picture.
    let _ = draw(visits, frame, &mut text);
    text
}

fn draw(visits: &[Visit], frame: ChartFrame, text: &mut String) -> Result<(), String> {
    let size = (frame.width.round() as u32, frame.height.round() as u32);
    let root = SVGBackend::with_string(text, size).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let m = frame.margin as i32;
    let area = root.margin(m, m, m, m);
    let count = visits.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&area)
        .build_cartesian_2d(0.0..count, 0.0..10.0)
        .map_err(|e| e.to_string())?;
    // No label areas: the mesh draws its lines only, the caller the words.
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_labels(6)
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(200, 200, 200).stroke_width(1))
        .axis_style(BLACK.stroke_width(2))
        .draw()
        .map_err(|e| e.to_string())?;
    let bars = visits.iter().enumerate().filter_map(|(i, visit)| {
        let share = f64::from(visit.share_done()?.clamp(0.0, 1.0));
        let x = i as f64;
        Some(Rectangle::new(
            [(x + 0.25, 0.0), (x + 0.75, share * 10.0)],
            RGBColor(190, 190, 190).filled(),
        ))
    });
    chart.draw_series(bars).map_err(|e| e.to_string())?;
    let points: Vec<(f64, f64)> = visits
        .iter()
        .enumerate()
        .filter_map(|(i, visit)| Some((i as f64 + 0.5, f64::from(visit.average_pain()?))))
        .collect();
    chart
        .draw_series(LineSeries::new(points.clone(), BLACK.stroke_width(3)))
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(
            points
                .iter()
                .map(|&point| Circle::new(point, 5, BLACK.filled())),
        )
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::pictures::{Drawing, decode};
    use crate::store::{Picture, PictureFormat};
    use chrono::NaiveDate;
    use std::borrow::Cow;

    fn visits() -> Vec<Visit> {
        (0..3)
            .map(|n| {
                let mut visit = Visit::on(NaiveDate::from_ymd_opt(2026, 3, 2 + 7 * n).unwrap());
                visit.pain = vec![6 - 2 * n as u8];
                visit
            })
            .collect()
    }

    #[test]
    fn the_chart_is_text_free_svg_that_every_picture_path_accepts() {
        let svg = svg(&visits(), ChartFrame::new(480.0, 200.0, 3));
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(!svg.contains("<text"), "labels are the caller's: {svg}");
        let picture = Picture {
            name: "progress.svg".into(),
            format: PictureFormat::Svg,
            bytes: Cow::Owned(svg.into_bytes()),
        };
        let decoded = decode(&picture).unwrap();
        assert!(matches!(decoded.drawing, Drawing::Vector(_)));
    }

    #[test]
    fn the_frame_puts_visits_in_the_middle_of_their_slots() {
        let frame = ChartFrame::new(300.0, 100.0, 3);
        assert_eq!(frame.margin, 6.0);
        assert!((frame.x(1) - 150.0).abs() < 0.01);
        assert!((frame.y(10.0) - 6.0).abs() < 0.01);
        assert!((frame.y(0.0) - 94.0).abs() < 0.01);
    }
}
