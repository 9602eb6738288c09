//! A QR code for an exercise's video, drawn as black squares (vector, so
//! it prints sharp at any size), with its quiet zone, and the address in
//! words under it for patients without a phone camera.

use super::blocks::{Ctx, Mark};
use super::layout::regular;
use super::style::MM;
use qrcode::{Color, EcLevel, QrCode};

/// The code's width including its quiet zone; phones read 18 mm easily.
pub const SIZE: f32 = 22.0 * MM;
/// Blank modules around the code, as the QR standard asks.
const QUIET: usize = 4;

/// The code for `address` with its top left at (`x`, 0), and the address
/// under it in `width`; returns the marks and their height, or why not.
pub fn qr(ctx: &mut Ctx, address: &str, x: f32, width: f32) -> Result<(Vec<Mark>, f32), String> {
    let code = QrCode::with_error_correction_level(address.as_bytes(), EcLevel::M)
        .map_err(|error| format!("no QR code can hold this address ({error})"))?;
    let modules = code.width();
    let colors = code.to_colors();
    let cell = SIZE / (modules + 2 * QUIET) as f32;
    let mut marks = vec![Mark::Rect {
        x,
        y: 0.0,
        w: SIZE,
        h: SIZE,
        fill: Some(1.0),
        stroke: None,
    }];
    for row in 0..modules {
        // Runs of dark modules in a row become one rectangle each.
        let mut column = 0;
        while column < modules {
            if colors[row * modules + column] != Color::Dark {
                column += 1;
                continue;
            }
            let start = column;
            while column < modules && colors[row * modules + column] == Color::Dark {
                column += 1;
            }
            marks.push(Mark::Rect {
                x: x + (QUIET + start) as f32 * cell,
                y: (QUIET + row) as f32 * cell,
                w: (column - start) as f32 * cell,
                h: cell,
                fill: Some(0.0),
                stroke: None,
            });
        }
    }
    let size = ctx.style.small;
    let shown = short_address(address);
    let mut y = SIZE + 1.0 * MM;
    for line in ctx.wrap(&[regular(&shown)], size, width) {
        marks.push(Mark::Text {
            x,
            top: y,
            baseline: y + ctx.style.baseline(size),
            size,
            line,
            grey: 0.0,
        });
        y += ctx.style.line(size);
    }
    Ok((marks, y))
}

/// The address as people say it: without "https://" or "www.".
pub fn short_address(address: &str) -> String {
    let trimmed = address.trim();
    let lower = trimmed.to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .iter()
        .find(|scheme| lower.starts_with(*scheme))
        .map_or(0, |scheme| scheme.len());
    let rest = &trimmed[scheme..];
    let rest = if rest.to_ascii_lowercase().starts_with("www.") {
        &rest[4..]
    } else {
        rest
    };
    rest.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_shown_short() {
        assert_eq!(
            short_address("https://www.example-clinic.org/videos/bridge/"),
            "example-clinic.org/videos/bridge"
        );
        assert_eq!(
            short_address("http://clinic.example/v?id=3"),
            "clinic.example/v?id=3"
        );
    }
}
