//! Type sizes and page geometry, in points: regular or large print, A4 or
//! US Letter. Every other part of the handout takes its measures from here.

use crate::store::Paper;

/// Points in a millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// Type sizes and spacing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Body text: 14 pt, or 18 pt in large print.
    pub body: f32,
    /// The smallest text (footer, chart labels); never under 12 pt.
    pub small: f32,
    /// The program title.
    pub title: f32,
    /// Phase headings.
    pub phase: f32,
    /// Exercise names and section headings.
    pub heading: f32,
    /// Line height as a multiple of the size.
    pub leading: f32,
    /// Width of an exercise picture.
    pub picture_width: f32,
    /// Tallest an exercise picture may be.
    pub picture_max_height: f32,
    /// Width of an exercise picture in the compact layout, where it stands
    /// at the left of its steps.
    pub compact_picture_width: f32,
    /// Space above an exercise, before its separator rule, in points.
    pub exercise_space: f32,
    /// Space between the separator rule and the exercise's name.
    pub separator_space: f32,
    /// Padding inside the dose box, above and below its words.
    pub box_pad: f32,
    /// Characters in the longest line of text: about 70 reads best; the
    /// compact layout lets lines run the page's width to save pages.
    pub line_chars: f32,
}

impl Style {
    /// The compact layout's spacing: lines a little closer (1.25 rather
    /// than 1.4 times the size), so two or three exercises share a page
    /// in the same 14 pt type.
    pub fn compact(mut self) -> Self {
        self.leading = 1.25;
        // Phase headings stand at the top of a column, not across the page.
        self.phase = self.heading;
        self.exercise_space = self.body * 0.8;
        self.separator_space = self.body * 0.7;
        self.box_pad = self.body * 0.4;
        self.line_chars = 90.0;
        self
    }

    /// Regular or large print.
    pub fn new(large_print: bool) -> Self {
        if large_print {
            Self {
                body: 18.0,
                small: 14.0,
                title: 30.0,
                phase: 25.0,
                heading: 22.0,
                leading: 1.4,
                picture_width: 60.0 * MM,
                picture_max_height: 64.0 * MM,
                compact_picture_width: 70.0 * MM,
                exercise_space: 18.0 * 1.6,
                separator_space: 18.0 * 0.9,
                box_pad: 18.0 * 0.55,
                line_chars: 70.0,
            }
        } else {
            Self {
                body: 14.0,
                small: 12.0,
                title: 26.0,
                phase: 21.0,
                heading: 18.0,
                leading: 1.4,
                picture_width: 56.0 * MM,
                picture_max_height: 60.0 * MM,
                compact_picture_width: 62.0 * MM,
                exercise_space: 14.0 * 1.6,
                separator_space: 14.0 * 0.9,
                box_pad: 14.0 * 0.55,
                line_chars: 70.0,
            }
        }
    }

    /// Line height for text of `size` points.
    pub fn line(&self, size: f32) -> f32 {
        size * self.leading
    }

    /// Distance from a line's top to its baseline, centring the letters in
    /// the line height.
    pub fn baseline(&self, size: f32) -> f32 {
        // Atkinson's ascender and descender are about 0.95 and 0.25 em.
        let ink = 1.2 * size;
        (self.line(size) - ink) / 2.0 + 0.95 * size
    }

    /// The usual gap between parts of a block.
    pub fn gap(&self) -> f32 {
        self.body * 0.4
    }
}

/// The page and its margins. `y` runs down from the top edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left margin (no printer clips 18 mm).
    pub margin: f32,
    /// Width of the content: the page's, or one column's.
    pub content: f32,
    /// Top of the content area.
    pub top: f32,
    /// Bottom of the content area.
    pub bottom: f32,
    /// Baseline of the footer text.
    pub footer_baseline: f32,
}

impl Geometry {
    /// The page for this paper.
    pub fn new(paper: Paper) -> Self {
        // In points, to the hundredth: Letter is exactly 612 × 792.
        let points = |mm: f32| (f64::from(mm) * 72.0 / 25.4 * 100.0).round() as f32 / 100.0;
        let (width, height) = paper.size_mm();
        let (width, height) = (points(width), points(height));
        let margin = 18.0 * MM;
        Self {
            width,
            height,
            margin,
            content: width - 2.0 * margin,
            top: 15.0 * MM,
            bottom: height - 24.5 * MM,
            footer_baseline: height - 16.2 * MM,
        }
    }

    /// Left edge of the content.
    pub fn left(&self) -> f32 {
        self.margin
    }

    /// Width of the content.
    pub fn content_width(&self) -> f32 {
        self.content
    }

    /// The space between the two columns of the compact layout.
    pub fn column_gap(&self) -> f32 {
        7.0 * MM
    }

    /// The page as its left column: what is laid out in it is moved right
    /// by [`Geometry::column_shift`] to go in the right column.
    pub fn column(&self) -> Self {
        Self {
            content: (self.width - 2.0 * self.margin - self.column_gap()) / 2.0,
            ..*self
        }
    }

    /// How far the right column starts from the left one.
    pub fn column_shift(&self) -> f32 {
        self.column().content + self.column_gap()
    }

    /// Height of the content area.
    pub fn content_height(&self) -> f32 {
        self.bottom - self.top
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_leave_at_least_15_mm_everywhere() {
        for paper in Paper::ALL {
            let page = Geometry::new(paper);
            assert!(page.margin >= 15.0 * MM);
            assert!(page.top >= 15.0 * MM);
            // The footer's descenders stay above 15 mm too.
            assert!(page.height - page.footer_baseline - 0.25 * 12.0 >= 15.0 * MM);
        }
    }

    #[test]
    fn letter_is_612_by_792_points() {
        let page = Geometry::new(Paper::Letter);
        assert_eq!((page.width, page.height), (612.0, 792.0));
    }

    #[test]
    fn body_text_is_never_small() {
        assert_eq!(Style::new(false).body, 14.0);
        assert_eq!(Style::new(true).body, 18.0);
        assert!(Style::new(false).small >= 12.0);
    }
}
