//! The look: two calm palettes on iced's built-in `Theme`, text sizes and
//! spacing, and named style functions the panes share.

use iced::theme::{Mode, Palette};
use iced::widget::{button, container, pick_list, text, text_input};
use iced::{Background, Border, Color, Shadow, Theme, Vector, color};
use ptbuilder_core::store::ThemeChoice;

/// Body text.
pub const TEXT: f32 = 15.0;
/// Secondary text: captions, labels, counts.
pub const SMALL: f32 = 13.0;
/// Pane and section headings.
pub const HEADING: f32 = 18.0;
/// The program title.
pub const TITLE: f32 = 22.0;

/// Space between related controls.
pub const GAP: f32 = 8.0;
/// Space between groups.
pub const SECTION: f32 = 16.0;
/// Rounded corners.
pub const RADIUS: f32 = 6.0;

const LIGHT: Palette = Palette {
    background: color!(0xFFFFFF),
    text: color!(0x1E2A33),
    primary: color!(0x2A6F97),
    success: color!(0x2F7D4F),
    warning: color!(0xB7791F),
    danger: color!(0xC0392B),
};

const DARK: Palette = Palette {
    background: color!(0x1D2228),
    text: color!(0xE4E8EC),
    primary: color!(0x5AA9D6),
    success: color!(0x5DBB82),
    warning: color!(0xE5A93C),
    danger: color!(0xEF7A6D),
};

/// The window theme for the therapist's choice and the system's mode.
pub fn theme(choice: ThemeChoice, system: Mode) -> Theme {
    let dark = match choice {
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
        ThemeChoice::System => system == Mode::Dark,
    };
    if dark {
        Theme::custom("ptbuilder dark", DARK)
    } else {
        Theme::custom("ptbuilder light", LIGHT)
    }
}

fn is_dark(theme: &Theme) -> bool {
    theme.extended_palette().is_dark
}

/// The window background behind the panes: a shade off the pane colour so
/// the panes read as sheets.
pub fn app_background(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style::default().background(palette.background.weak.color)
}

/// The toolbar strip along the top.
pub fn toolbar(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.into()),
        border: Border {
            color: palette.background.strong.color,
            width: 0.0,
            radius: 0.0.into(),
        },
        // No shadow: see `NO_SHADOW`.
        ..container::Style::default()
    }
}

/// A pane: the library or the program.
pub fn pane(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.into()),
        border: Border {
            color: palette.background.strong.color,
            width: 1.0,
            radius: RADIUS.into(),
        },
        ..container::Style::default()
    }
}

/// A card inside a pane, such as a program item: drawn like a pane, so
/// the two always match.
pub fn card(theme: &Theme) -> container::Style {
    pane(theme)
}

/// A card that is one big button (a template): lifts its edge on hover.
pub fn card_button(theme: &Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let border = match status {
        button::Status::Hovered | button::Status::Pressed => palette.primary.base.color,
        _ => palette.background.strong.color,
    };
    button::Style {
        background: Some(match status {
            button::Status::Hovered | button::Status::Pressed => tint(theme).into(),
            _ => palette.background.base.color.into(),
        }),
        text_color: palette.background.base.text,
        border: Border {
            color: border,
            width: 1.0,
            radius: RADIUS.into(),
        },
        ..button::Style::default()
    }
}

/// The selected card: a primary edge and a faint tint.
pub fn card_selected(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(tint(theme).into()),
        border: Border {
            color: palette.primary.base.color,
            width: 2.0,
            radius: RADIUS.into(),
        },
        ..container::Style::default()
    }
}

/// A faint primary wash for selected things.
fn tint(theme: &Theme) -> Color {
    let palette = theme.extended_palette();
    let amount = if is_dark(theme) { 0.18 } else { 0.09 };
    mix(
        palette.background.base.color,
        palette.primary.base.color,
        amount,
    )
}

/// A row of a list; `selected` rows are tinted.
pub fn list_row(selected: bool) -> impl Fn(&Theme) -> container::Style {
    move |theme| {
        let palette = theme.extended_palette();
        if selected {
            container::Style {
                background: Some(tint(theme).into()),
                border: Border {
                    color: palette.primary.base.color,
                    width: 1.0,
                    radius: RADIUS.into(),
                },
                ..container::Style::default()
            }
        } else {
            container::Style {
                border: Border {
                    radius: RADIUS.into(),
                    ..Border::default()
                },
                ..container::Style::default()
            }
        }
    }
}

/// The frame around an exercise picture: always white, because the line
/// drawings are black on white and must stay readable in the dark theme.
pub fn picture_frame(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Color::WHITE.into()),
        border: Border {
            color: palette.background.strong.color,
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// The placeholder shown where a picture is missing or unreadable.
pub fn picture_placeholder(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.weak.color.into()),
        text_color: Some(palette.background.strong.text.scale_alpha(0.6)),
        border: Border {
            color: palette.background.strong.color,
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// The box showing the dose as the patient will read it: a faint green
/// wash, the colour of "this is what goes home".
pub fn patient_words(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    let amount = if is_dark(theme) { 0.16 } else { 0.08 };
    container::Style {
        background: Some(
            mix(
                palette.background.base.color,
                palette.success.base.color,
                amount,
            )
            .into(),
        ),
        border: Border {
            color: mix(
                palette.background.base.color,
                palette.success.base.color,
                0.35,
            ),
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// `base` moved `amount` of the way towards `accent`.
fn mix(base: Color, accent: Color, amount: f32) -> Color {
    Color {
        r: base.r + (accent.r - base.r) * amount,
        g: base.g + (accent.g - base.g) * amount,
        b: base.b + (accent.b - base.b) * amount,
        a: 1.0,
    }
}

/// A small rounded label, such as a category.
pub fn chip(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.weak.color.into()),
        text_color: Some(palette.background.weak.text),
        border: Border {
            radius: 10.0.into(),
            ..Border::default()
        },
        ..container::Style::default()
    }
}

/// What kind of message a banner carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something went wrong.
    Error,
    /// Worth a look.
    Warning,
    /// Done as asked.
    Success,
}

/// A banner or callout in one of the tones.
pub fn callout(tone: Tone) -> impl Fn(&Theme) -> container::Style {
    move |theme| {
        let palette = theme.extended_palette();
        let accent = match tone {
            Tone::Error => palette.danger.base.color,
            Tone::Warning => palette.warning.base.color,
            Tone::Success => palette.success.base.color,
        };
        let amount = if is_dark(theme) { 0.22 } else { 0.12 };
        container::Style {
            background: Some(mix(palette.background.base.color, accent, amount).into()),
            text_color: Some(palette.background.base.text),
            border: Border {
                color: accent,
                width: 1.0,
                radius: RADIUS.into(),
            },
            ..container::Style::default()
        }
    }
}

/// The dimmed backdrop behind a dialog.
pub fn backdrop(_theme: &Theme) -> container::Style {
    container::Style::default().background(Color::BLACK.scale_alpha(0.45))
}

/// Why nothing in ptbuilder has a drop shadow.
///
/// The software renderer (iced_tiny_skia 0.14, used where there is no GPU
/// driver or with `ICED_BACKEND=tiny-skia`) repaints only the damaged parts
/// of the window, but draws a quad's shadow unclipped over the quad's
/// whole area each time the quad meets a damaged part. Every blink of a
/// text cursor in a sheet laid another 30 % of black over the rest of the
/// sheet, which was not repainted, until it was solid black. Upstream:
/// <https://github.com/iced-rs/iced/issues/2712> (shadows and damage), fix
/// proposed in <https://github.com/iced-rs/iced/pull/3359>. A sheet is set
/// off by its border and the dimmed backdrop instead; the GUI test
/// `every_sheet_draws_without_black_areas_in_the_software_renderer`
/// repaints every sheet the way that renderer does.
pub const NO_SHADOW: Shadow = Shadow {
    color: Color::TRANSPARENT,
    offset: Vector::ZERO,
    blur_radius: 0.0,
};

/// A dialog sheet: a firm border rather than a shadow (see [`NO_SHADOW`]).
pub fn dialog(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.into()),
        border: Border {
            color: palette.background.strong.color,
            width: 1.0,
            radius: 10.0.into(),
        },
        shadow: NO_SHADOW,
        ..container::Style::default()
    }
}

/// A card floating over the panes (the exercise detail): a sheet with a
/// stronger border in the accent colour, so it reads as being on top
/// without a shadow (see [`NO_SHADOW`]).
pub fn floating_card(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        border: Border {
            color: palette.primary.base.color,
            width: 2.0,
            radius: 10.0.into(),
        },
        ..dialog(theme)
    }
}

/// A tooltip bubble.
pub fn tooltip(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.strong.color.into()),
        text_color: Some(palette.background.strong.text),
        border: Border {
            radius: 4.0.into(),
            ..Border::default()
        },
        ..container::Style::default()
    }
}

/// Quiet text: captions and counts.
pub fn muted(theme: &Theme) -> text::Style {
    let palette = theme.extended_palette();
    text::Style {
        color: Some(palette.background.base.text.scale_alpha(0.68)),
    }
}

/// A refused value's message.
pub fn error_text(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.extended_palette().danger.strong.color),
    }
}

/// A caution, in the warning colour but readable.
pub fn warning_text(theme: &Theme) -> text::Style {
    let palette = theme.extended_palette();
    text::Style {
        color: Some(if is_dark(theme) {
            palette.warning.base.color
        } else {
            palette.warning.strong.color
        }),
    }
}

/// A primary-coloured accent, for headings inside cards.
pub fn accent_text(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.extended_palette().primary.strong.color),
    }
}

/// A text field: soft corners, a quiet border that firms up on hover and
/// turns primary when the cursor is in it.
pub fn field(theme: &Theme, status: text_input::Status) -> text_input::Style {
    let palette = theme.extended_palette();
    let default = text_input::default(theme, status);
    let quiet = palette.background.strong.color;
    let (color, width) = match status {
        text_input::Status::Active | text_input::Status::Disabled => (quiet, 1.0),
        text_input::Status::Hovered => (palette.background.strongest.color, 1.0),
        text_input::Status::Focused { .. } => (palette.primary.base.color, 1.5),
    };
    text_input::Style {
        border: Border {
            color,
            width,
            radius: 4.0.into(),
        },
        placeholder: palette.background.base.text.scale_alpha(0.45),
        ..default
    }
}

/// The program title: reads as a heading, shows it is editable on hover.
pub fn title_field(theme: &Theme, status: text_input::Status) -> text_input::Style {
    let style = field(theme, status);
    match status {
        text_input::Status::Active => text_input::Style {
            border: Border {
                color: Color::TRANSPARENT,
                ..style.border
            },
            ..style
        },
        _ => style,
    }
}

/// A text field whose value was refused: a danger border.
pub fn refused_input(theme: &Theme, status: text_input::Status) -> text_input::Style {
    let default = field(theme, status);
    text_input::Style {
        border: Border {
            color: theme.extended_palette().danger.base.color,
            width: 1.5,
            ..default.border
        },
        ..default
    }
}

/// A toolbar button: flat until hovered.
pub fn toolbar_button(theme: &Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let base = button::Style {
        background: None,
        text_color: palette.background.base.text,
        border: Border {
            radius: RADIUS.into(),
            ..Border::default()
        },
        ..button::Style::default()
    };
    match status {
        button::Status::Active => base,
        button::Status::Hovered => button::Style {
            background: Some(palette.background.weak.color.into()),
            ..base
        },
        button::Status::Pressed => button::Style {
            background: Some(palette.background.strong.color.into()),
            ..base
        },
        button::Status::Disabled => button::Style {
            text_color: palette.background.base.text.scale_alpha(0.35),
            ..base
        },
    }
}

/// A tab or phase pill; the active one is filled.
pub fn tab(active: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        let palette = theme.extended_palette();
        if active {
            button::Style {
                background: Some(palette.primary.base.color.into()),
                text_color: palette.primary.base.text,
                border: Border {
                    radius: 16.0.into(),
                    ..Border::default()
                },
                ..button::Style::default()
            }
        } else {
            let background = match status {
                button::Status::Hovered | button::Status::Pressed => {
                    palette.background.strong.color
                }
                _ => palette.background.weak.color,
            };
            button::Style {
                background: Some(Background::Color(background)),
                text_color: palette.background.base.text,
                border: Border {
                    radius: 16.0.into(),
                    ..Border::default()
                },
                ..button::Style::default()
            }
        }
    }
}

/// A small secondary action inside a card (move, duplicate): outlined.
pub fn quiet_button(theme: &Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let base = button::Style {
        background: Some(palette.background.base.color.into()),
        text_color: palette.background.base.text,
        border: Border {
            color: palette.background.strong.color,
            width: 1.0,
            radius: RADIUS.into(),
        },
        ..button::Style::default()
    };
    match status {
        button::Status::Active => base,
        button::Status::Hovered | button::Status::Pressed => button::Style {
            background: Some(palette.background.weak.color.into()),
            ..base
        },
        button::Status::Disabled => button::Style {
            text_color: palette.background.base.text.scale_alpha(0.35),
            ..base
        },
    }
}

/// A destructive action that should not shout until hovered.
pub fn quiet_danger(theme: &Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let quiet = quiet_button(theme, status);
    match status {
        button::Status::Hovered | button::Status::Pressed => button::Style {
            background: Some(palette.danger.base.color.into()),
            text_color: palette.danger.base.text,
            border: Border {
                color: palette.danger.base.color,
                ..quiet.border
            },
            ..quiet
        },
        _ => button::Style {
            text_color: palette.danger.strong.color,
            ..quiet
        },
    }
}

/// A link-like text button.
pub fn link(theme: &Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let color = match status {
        button::Status::Hovered | button::Status::Pressed => palette.primary.strong.color,
        button::Status::Disabled => palette.background.base.text.scale_alpha(0.35),
        button::Status::Active => palette.primary.base.color,
    };
    button::Style {
        background: None,
        text_color: color,
        ..button::Style::default()
    }
}

/// A drop-down menu, drawn like a text field so forms look even.
pub fn menu(theme: &Theme, status: pick_list::Status) -> pick_list::Style {
    let palette = theme.extended_palette();
    let default = pick_list::default(theme, status);
    let color = match status {
        pick_list::Status::Active => palette.background.strong.color,
        pick_list::Status::Hovered | pick_list::Status::Opened { .. } => {
            palette.background.strongest.color
        }
    };
    pick_list::Style {
        background: palette.background.base.color.into(),
        text_color: palette.background.base.text,
        border: Border {
            color,
            width: 1.0,
            radius: 4.0.into(),
        },
        ..default
    }
}

/// A filter menu showing "any": a quiet menu.
pub fn filter(theme: &Theme, status: pick_list::Status) -> pick_list::Style {
    let style = menu(theme, status);
    pick_list::Style {
        text_color: style.text_color.scale_alpha(0.75),
        ..style
    }
}

/// A filter menu that narrows the list: primary edge and tint, so the
/// therapist sees at a glance which filters are on.
pub fn active_filter(theme: &Theme, status: pick_list::Status) -> pick_list::Style {
    let palette = theme.extended_palette();
    let default = menu(theme, status);
    pick_list::Style {
        background: tint(theme).into(),
        border: Border {
            color: palette.primary.base.color,
            width: 1.5,
            ..default.border
        },
        ..default
    }
}
