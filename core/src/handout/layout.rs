//! Measuring and wrapping text with the fonts' real glyph advances
//! (printpdf does no wrapping). Lines break at spaces; a word longer than
//! the whole line is cut where it must be. Each character is set in the
//! first face that has it, so a line is a row of same-face pieces.

use super::fonts::{Face, Fonts, Weight, is_invisible};
use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

/// A stretch of input text in one weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span<'a> {
    /// Regular or bold.
    pub weight: Weight,
    /// The text; `\n` starts a new line.
    pub text: &'a str,
}

/// Regular text.
pub fn regular(text: &str) -> Span<'_> {
    Span {
        weight: Weight::Regular,
        text,
    }
}

/// Bold text.
pub fn bold(text: &str) -> Span<'_> {
    Span {
        weight: Weight::Bold,
        text,
    }
}

/// Consecutive characters of one line set in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// The face.
    pub face: Face,
    /// The characters, all printable by `face`.
    pub text: String,
}

/// One wrapped line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// The pieces, left to right.
    pub pieces: Vec<Piece>,
    /// Width in points, without trailing spaces.
    pub width: f32,
}

impl Line {
    /// Each piece with how far right of the line's start it begins, at
    /// `size` points: what a screen needs to draw the line exactly where
    /// the PDF prints it.
    pub fn placed(&self, size: f32) -> Vec<(f32, &Piece)> {
        let Some(fonts) = Fonts::get() else {
            return Vec::new();
        };
        let mut x = 0.0;
        self.pieces
            .iter()
            .map(|piece| {
                let at = x;
                let face = fonts.face(piece.face);
                x += piece
                    .text
                    .chars()
                    .map(|c| face.advance(c).unwrap_or(0.0))
                    .sum::<f32>()
                    * size;
                (at, piece)
            })
            .collect()
    }

    /// The line's characters, for tests.
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

#[derive(Debug, Clone, Copy)]
struct Glyph {
    face: Face,
    ch: char,
    width: f32,
}

/// A word, and the space that came before it (if any).
#[derive(Debug, Default)]
struct Word {
    space_before: Option<Glyph>,
    glyphs: Vec<Glyph>,
    width: f32,
}

/// Text cut into paragraphs (at `\n`) of words, every glyph resolved.
fn words(fonts: &Fonts, spans: &[Span], size: f32, missing: &mut BTreeSet<char>) -> Vec<Vec<Word>> {
    let mut paragraphs = vec![Vec::new()];
    let mut word = Word::default();
    let mut pending_space: Option<Glyph> = None;
    let flush = |paragraph: &mut Vec<Word>, word: &mut Word| {
        if !word.glyphs.is_empty() {
            paragraph.push(std::mem::take(word));
        }
    };
    for span in spans {
        for c in span.text.nfc() {
            if c == '\n' {
                let paragraph = paragraphs.last_mut().expect("never empty");
                flush(paragraph, &mut word);
                pending_space = None;
                paragraphs.push(Vec::new());
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            let resolved = fonts.resolve(c, span.weight);
            if resolved.missing {
                missing.insert(c);
            }
            let glyph = Glyph {
                face: resolved.face,
                ch: resolved.ch,
                width: resolved.advance * size,
            };
            if glyph.ch == ' ' {
                let paragraph = paragraphs.last_mut().expect("never empty");
                flush(paragraph, &mut word);
                // Runs of spaces count once; a leading space is dropped.
                if pending_space.is_none() && !paragraph.is_empty() {
                    pending_space = Some(glyph);
                }
                continue;
            }
            if word.glyphs.is_empty() {
                word.space_before = pending_space.take();
            }
            word.width += glyph.width;
            word.glyphs.push(glyph);
        }
    }
    let paragraph = paragraphs.last_mut().expect("never empty");
    flush(paragraph, &mut word);
    paragraphs
}

/// Builds lines from glyphs, merging same-face neighbours into pieces.
#[derive(Default)]
struct LineBuilder {
    line: Line,
}

impl LineBuilder {
    fn push(&mut self, glyph: Glyph) {
        self.line.width += glyph.width;
        match self.line.pieces.last_mut() {
            Some(piece) if piece.face == glyph.face => piece.text.push(glyph.ch),
            _ => self.line.pieces.push(Piece {
                face: glyph.face,
                text: glyph.ch.to_string(),
            }),
        }
    }

    fn is_empty(&self) -> bool {
        self.line.pieces.is_empty()
    }

    fn take(&mut self) -> Line {
        std::mem::take(&mut self.line)
    }
}

/// Wraps `spans` at `size` points into lines no wider than `width(n)` for
/// line `n` (counted from 0 across paragraphs). Characters no face can
/// print are added to `missing` and shown as `?`.
pub fn wrap(
    fonts: &Fonts,
    spans: &[Span],
    size: f32,
    width: &mut dyn FnMut(usize) -> f32,
    missing: &mut BTreeSet<char>,
) -> Vec<Line> {
    // A hair of tolerance so a line measured exactly at the limit fits.
    const SLACK: f32 = 0.01;
    let mut lines = Vec::new();
    let mut blank_before = false;
    for paragraph in words(fonts, spans, size, missing) {
        if paragraph.is_empty() {
            // One blank line between paragraphs, however many were typed.
            if !blank_before && !lines.is_empty() {
                lines.push(Line::default());
                blank_before = true;
            }
            continue;
        }
        blank_before = false;
        let mut builder = LineBuilder::default();
        for word in paragraph {
            let limit = width(lines.len()).max(1.0);
            let space = word.space_before.filter(|_| !builder.is_empty());
            let space_width = space.map_or(0.0, |s| s.width);
            if !builder.is_empty() && builder.line.width + space_width + word.width > limit + SLACK
            {
                lines.push(builder.take());
            } else if let Some(space) = space {
                builder.push(space);
            }
            if word.width <= width(lines.len()).max(1.0) + SLACK {
                for glyph in word.glyphs {
                    builder.push(glyph);
                }
                continue;
            }
            // Longer than a whole line: cut it, at least one glyph a line.
            for glyph in word.glyphs {
                let limit = width(lines.len()).max(1.0);
                if !builder.is_empty() && builder.line.width + glyph.width > limit + SLACK {
                    lines.push(builder.take());
                }
                builder.push(glyph);
            }
        }
        if !builder.is_empty() {
            lines.push(builder.take());
        }
    }
    while lines.last().is_some_and(|line| line.pieces.is_empty()) {
        lines.pop();
    }
    lines
}

/// Wraps to one fixed width.
pub fn wrap_to(
    fonts: &Fonts,
    spans: &[Span],
    size: f32,
    width: f32,
    missing: &mut BTreeSet<char>,
) -> Vec<Line> {
    wrap(fonts, spans, size, &mut |_| width, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Lie on your back with your knees bent and your feet flat on the \
        floor, about hip-width apart. Rest your arms by your sides and breathe.";

    fn fonts() -> &'static Fonts {
        Fonts::get().unwrap()
    }

    fn lines(spans: &[Span], width: f32) -> Vec<Line> {
        wrap_to(fonts(), spans, 14.0, width, &mut BTreeSet::new())
    }

    #[test]
    fn lines_never_exceed_the_width() {
        for width in [60.0, 120.0, 200.0, 333.0, 480.0] {
            for line in lines(&[regular(TEXT)], width) {
                assert!(line.width <= width + 0.01, "{} > {width}", line.width);
                let measured = fonts().measure(&line.text(), Weight::Regular) * 14.0;
                assert!((measured - line.width).abs() < 0.01);
            }
        }
    }

    #[test]
    fn placed_pieces_follow_each_other_to_the_line_width() {
        let spans = [bold("Hold for: "), regular("20 to 30 seconds, 3 times")];
        let line = lines(&spans, 480.0).remove(0);
        let placed = line.placed(14.0);
        assert!(placed.len() >= 2, "a bold and a regular piece");
        assert_eq!(placed[0].0, 0.0);
        let (last_x, last) = placed[placed.len() - 1];
        let last_width = fonts().measure(last.text.trim_end(), Weight::Regular) * 14.0;
        assert!((last_x + last_width - line.width).abs() < 0.05);
    }

    #[test]
    fn words_stay_whole_and_nothing_is_lost() {
        let wrapped = lines(&[regular(TEXT)], 200.0);
        assert!(wrapped.len() > 3);
        let joined: Vec<String> = wrapped.iter().map(Line::text).collect();
        assert_eq!(joined.join(" "), TEXT);
        for line in &joined {
            assert!(!line.starts_with(' ') && !line.ends_with(' '), "{line:?}");
        }
    }

    #[test]
    fn an_overlong_word_is_cut_to_fit() {
        let long = "Abdominal".repeat(12);
        let wrapped = lines(&[regular(&long)], 150.0);
        assert!(wrapped.len() > 1);
        assert!(wrapped.iter().all(|l| l.width <= 150.01));
        let joined: String = wrapped.iter().map(Line::text).collect();
        assert_eq!(joined, long);
        // Even a width narrower than one letter gives one letter a line.
        let tiny = lines(&[regular("abc")], 1.0);
        assert_eq!(tiny.len(), 3);
    }

    #[test]
    fn weights_and_fallback_faces_become_pieces() {
        let wrapped = lines(
            &[bold("Note:"), regular(" keep it slow → then rest")],
            1000.0,
        );
        assert_eq!(wrapped.len(), 1);
        let faces: Vec<Face> = wrapped[0].pieces.iter().map(|p| p.face).collect();
        assert_eq!(
            faces,
            vec![
                Face::Bold,
                Face::Regular,
                Face::FallbackRegular,
                Face::Regular
            ]
        );
        assert_eq!(wrapped[0].text(), "Note: keep it slow → then rest");
    }

    #[test]
    fn newlines_break_and_blank_lines_collapse_to_one() {
        let wrapped = lines(&[regular("One\n\n\n\nTwo\nThree\n")], 400.0);
        let texts: Vec<String> = wrapped.iter().map(Line::text).collect();
        assert_eq!(texts, vec!["One", "", "Two", "Three"]);
    }

    #[test]
    fn unprintable_characters_become_question_marks_and_are_reported() {
        let mut missing = BTreeSet::new();
        let wrapped = wrap_to(
            fonts(),
            &[regular("Tai chi 太极 now\u{200B}")],
            14.0,
            400.0,
            &mut missing,
        );
        assert_eq!(wrapped[0].text(), "Tai chi ?? now");
        assert_eq!(missing.into_iter().collect::<Vec<_>>(), vec!['太', '极']);
    }

    #[test]
    fn decomposed_accents_are_composed() {
        let wrapped = lines(&[regular("Mu\u{0308}ller Jose\u{0301}")], 400.0);
        assert_eq!(wrapped[0].text(), "Müller José");
        assert!(wrapped[0].pieces.iter().all(|p| p.face == Face::Regular));
    }
}
