//! One handout page drawn on a canvas from the layout's own marks: text in
//! the handout's fonts at its exact positions, boxes, rules and pictures,
//! scaled from points to the width the page has on screen. Drawing the
//! marks (rather than rasterizing the PDF) keeps the preview sharp at any
//! size and costs nothing to redraw: each page is cached until new pages
//! arrive.

use super::Pages;
use iced::alignment::Vertical;
use iced::mouse;
use iced::widget::canvas::{self, Frame, Geometry, Path, Stroke, Text};
use iced::widget::text::{LineHeight, Shaping};
use iced::{Color, Font, Point, Rectangle, Renderer, Size, Theme, font};
use ptbuilder_core::handout::{Face, Mark};

/// Where a letter's baseline sits below the top of its line box, in em, in
/// the handout's fonts (ascender 0.95 em, line box 1.2 em): the same rule
/// the layout uses.
const ASCENT: f32 = 0.95;

/// One page of `pages`, for a canvas.
pub struct PageCanvas<'a> {
    /// The laid-out handout.
    pub pages: &'a Pages,
    /// Which page, from 0.
    pub index: usize,
    /// The page's drawing, kept between frames.
    pub cache: &'a canvas::Cache,
}

impl<M> canvas::Program<M> for PageCanvas<'_> {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let page = self.cache.draw(renderer, bounds.size(), |frame| {
            draw_page(frame, self.pages, self.index);
        });
        vec![page]
    }
}

/// The font iced uses for a face of the handout.
pub fn font(face: Face) -> Font {
    Font {
        family: font::Family::Name(face.family()),
        weight: if face.is_bold() {
            font::Weight::Bold
        } else {
            font::Weight::Normal
        },
        ..Font::DEFAULT
    }
}

fn grey(level: f32) -> Color {
    Color::from_rgb(level, level, level)
}

fn draw_page(frame: &mut Frame, pages: &Pages, index: usize) {
    let Some(marks) = pages.pages.get(index) else {
        return;
    };
    let scale = frame.width() / pages.size.0.max(1.0);
    frame.fill_rectangle(Point::ORIGIN, frame.size(), Color::WHITE);
    let at = |x: f32, y: f32| Point::new(x * scale, y * scale);
    for mark in marks {
        match mark {
            Mark::Text {
                x,
                baseline,
                size,
                line,
                grey: level,
                ..
            } => {
                for (dx, piece) in line.placed(*size) {
                    frame.fill_text(Text {
                        content: piece.text.clone(),
                        position: at(x + dx, baseline - ASCENT * size),
                        color: grey(*level),
                        size: (size * scale).into(),
                        line_height: LineHeight::Relative(1.2),
                        font: font(piece.face),
                        align_y: Vertical::Top,
                        shaping: Shaping::Basic,
                        ..Text::default()
                    });
                }
            }
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let (top_left, size) = (at(*x, *y), Size::new(w * scale, h * scale));
                if let Some(level) = fill {
                    frame.fill_rectangle(top_left, size, grey(*level));
                }
                if let Some(line) = stroke {
                    frame.stroke_rectangle(top_left, size, stroke_of(line, scale));
                }
            }
            Mark::Rule { from, to, stroke } => {
                let path = Path::line(at(from.0, from.1), at(to.0, to.1));
                frame.stroke(&path, stroke_of(stroke, scale));
            }
            Mark::Picture { index, x, y, w, h } => {
                let bounds = Rectangle::new(at(*x, *y), Size::new(w * scale, h * scale));
                match pages.pictures.get(*index) {
                    Some(handle) => frame.draw_image(bounds, handle),
                    None => frame.fill_rectangle(bounds.position(), bounds.size(), grey(0.9)),
                }
            }
        }
    }
}

fn stroke_of(stroke: &ptbuilder_core::handout::Stroke, scale: f32) -> Stroke<'static> {
    let line = Stroke::default()
        .with_width((stroke.width * scale).max(0.5))
        .with_color(grey(stroke.grey));
    if stroke.dashed {
        Stroke {
            line_dash: canvas::LineDash {
                segments: &[4.0, 3.0],
                offset: 0,
            },
            ..line
        }
    } else {
        line
    }
}
