//! Finds where a field is written in RON text, so a problem found after
//! parsing (a 500-rep dose, an unknown exercise) can still be reported with
//! its line and column.
//!
//! This is a small, forgiving scanner, not a second parser: it only has to
//! follow struct fields, list positions and `Some(..)` wrappers in text that
//! `ron` has already accepted.

use crate::program::{FieldPath, Segment};

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineColumn {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Open(char),
    Close,
    Colon,
    Comma,
    Atom,
}

struct Scanner {
    tokens: Vec<(Token, LineColumn)>,
}

impl Scanner {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut tokens = Vec::new();
        let (mut i, mut line, mut column) = (0, 1, 1);
        let advance = |i: &mut usize, line: &mut usize, column: &mut usize, chars: &[char]| {
            if chars[*i] == '\n' {
                *line += 1;
                *column = 1;
            } else {
                *column += 1;
            }
            *i += 1;
        };
        while i < chars.len() {
            let c = chars[i];
            let here = LineColumn { line, column };
            if c.is_whitespace() {
                advance(&mut i, &mut line, &mut column, &chars);
            } else if c == '/' && chars.get(i + 1) == Some(&'/') {
                while i < chars.len() && chars[i] != '\n' {
                    advance(&mut i, &mut line, &mut column, &chars);
                }
            } else if c == '/' && chars.get(i + 1) == Some(&'*') {
                let mut depth = 0usize;
                while i < chars.len() {
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        depth += 1;
                        advance(&mut i, &mut line, &mut column, &chars);
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        advance(&mut i, &mut line, &mut column, &chars);
                        if depth == 0 {
                            advance(&mut i, &mut line, &mut column, &chars);
                            break;
                        }
                    }
                    advance(&mut i, &mut line, &mut column, &chars);
                }
            } else if c == '#' {
                // `#![enable(..)]` attributes: skip to the closing bracket.
                while i < chars.len() && chars[i] != ']' {
                    advance(&mut i, &mut line, &mut column, &chars);
                }
                if i < chars.len() {
                    advance(&mut i, &mut line, &mut column, &chars);
                }
            } else if c == '"' || (c == 'r' && matches!(chars.get(i + 1), Some('"' | '#'))) {
                let hashes = if c == 'r' {
                    advance(&mut i, &mut line, &mut column, &chars);
                    let mut n = 0;
                    while chars.get(i) == Some(&'#') {
                        n += 1;
                        advance(&mut i, &mut line, &mut column, &chars);
                    }
                    Some(n)
                } else {
                    None
                };
                advance(&mut i, &mut line, &mut column, &chars); // opening quote
                while i < chars.len() {
                    let ch = chars[i];
                    if hashes.is_none() && ch == '\\' {
                        advance(&mut i, &mut line, &mut column, &chars);
                    } else if ch == '"' {
                        let n = hashes.unwrap_or(0);
                        if (1..=n).all(|k| chars.get(i + k) == Some(&'#')) {
                            for _ in 0..=n {
                                advance(&mut i, &mut line, &mut column, &chars);
                            }
                            break;
                        }
                    }
                    if i < chars.len() {
                        advance(&mut i, &mut line, &mut column, &chars);
                    }
                }
                tokens.push((Token::Atom, here));
            } else if c == '\'' {
                advance(&mut i, &mut line, &mut column, &chars);
                while i < chars.len() && chars[i] != '\'' {
                    if chars[i] == '\\' {
                        advance(&mut i, &mut line, &mut column, &chars);
                    }
                    if i < chars.len() {
                        advance(&mut i, &mut line, &mut column, &chars);
                    }
                }
                if i < chars.len() {
                    advance(&mut i, &mut line, &mut column, &chars);
                }
                tokens.push((Token::Atom, here));
            } else if matches!(c, '(' | '[' | '{') {
                tokens.push((Token::Open(c), here));
                advance(&mut i, &mut line, &mut column, &chars);
            } else if matches!(c, ')' | ']' | '}') {
                tokens.push((Token::Close, here));
                advance(&mut i, &mut line, &mut column, &chars);
            } else if c == ':' {
                tokens.push((Token::Colon, here));
                advance(&mut i, &mut line, &mut column, &chars);
            } else if c == ',' {
                tokens.push((Token::Comma, here));
                advance(&mut i, &mut line, &mut column, &chars);
            } else if c.is_alphabetic() || c == '_' {
                let mut word = String::new();
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    word.push(chars[i]);
                    advance(&mut i, &mut line, &mut column, &chars);
                }
                tokens.push((Token::Ident(word), here));
            } else {
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && !matches!(chars[i], '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':')
                {
                    advance(&mut i, &mut line, &mut column, &chars);
                }
                tokens.push((Token::Atom, here));
            }
        }
        Self { tokens }
    }

    /// Index of the token after the value starting at `at`.
    fn skip_value(&self, mut at: usize) -> usize {
        if matches!(self.tokens.get(at), Some((Token::Ident(_), _)))
            && matches!(self.tokens.get(at + 1), Some((Token::Open(_), _)))
        {
            at += 1;
        }
        match self.tokens.get(at) {
            Some((Token::Open(_), _)) => {
                let mut depth = 0usize;
                while let Some((token, _)) = self.tokens.get(at) {
                    match token {
                        Token::Open(_) => depth += 1,
                        Token::Close => {
                            depth -= 1;
                            if depth == 0 {
                                return at + 1;
                            }
                        }
                        _ => {}
                    }
                    at += 1;
                }
                at
            }
            Some(_) => at + 1,
            None => at,
        }
    }

    /// The opening bracket of the value at `at`, looking through a struct
    /// name and any `Some(..)` wrappers.
    fn body(&self, mut at: usize) -> Option<usize> {
        loop {
            match self.tokens.get(at)? {
                (Token::Ident(name), _) => {
                    if !matches!(self.tokens.get(at + 1), Some((Token::Open('('), _))) {
                        return None;
                    }
                    if name == "Some" {
                        at += 2;
                        continue;
                    }
                    return Some(at + 1);
                }
                (Token::Open(_), _) => return Some(at),
                _ => return None,
            }
        }
    }

    /// Start of the value for `segment` inside the value at `at`.
    fn child(&self, at: usize, segment: &Segment) -> Option<usize> {
        let open = self.body(at)?;
        let mut cursor = open + 1;
        let mut index = 0;
        while let Some((token, _)) = self.tokens.get(cursor) {
            if *token == Token::Close {
                return None;
            }
            let value = match (token, self.tokens.get(cursor + 1)) {
                (Token::Ident(name), Some((Token::Colon, _))) => {
                    if matches!(segment, Segment::Field(wanted) if *wanted == name.as_str()) {
                        return Some(cursor + 2);
                    }
                    cursor + 2
                }
                _ => {
                    if *segment == Segment::Index(index) {
                        return Some(cursor);
                    }
                    cursor
                }
            };
            cursor = self.skip_value(value);
            index += 1;
            if matches!(self.tokens.get(cursor), Some((Token::Comma, _))) {
                cursor += 1;
            }
        }
        None
    }
}

/// Where the value at `path` starts in `text`, or the closest enclosing
/// value that could be found; `None` only for an empty document.
pub fn locate(text: &str, path: &FieldPath) -> Option<LineColumn> {
    let scanner = Scanner::new(text);
    let mut at = 0;
    scanner.tokens.first()?;
    for segment in &path.0 {
        match scanner.child(at, segment) {
            Some(next) => at = next,
            None => break,
        }
    }
    scanner.tokens.get(at).map(|(_, position)| *position)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::FieldPath;

    const TEXT: &str = r#"#![enable(implicit_some)]
// a comment with (brackets
Program(
    format: 1,
    title: "Back (acute) \" care",
    phases: [
        Phase(
            name: "Week 1",
            items: [
                Item(exercise: "bridge", dose: Dose(reps: 10)),
                Item(
                    exercise: "bird-dog",
                    dose: Some(Dose(
                        reps: 500,
                    )),
                ),
            ],
        ),
    ],
)
"#;

    fn path(segments: Vec<Segment>) -> FieldPath {
        FieldPath(segments)
    }

    #[test]
    fn finds_nested_fields_through_lists_and_some() {
        use Segment::*;
        let found = locate(
            TEXT,
            &path(vec![
                Field("phases"),
                Index(0),
                Field("items"),
                Index(1),
                Field("dose"),
                Field("reps"),
            ]),
        );
        assert_eq!(
            found,
            Some(LineColumn {
                line: 14,
                column: 31
            })
        );
        let title = locate(TEXT, &path(vec![Field("title")]));
        assert_eq!(
            title,
            Some(LineColumn {
                line: 5,
                column: 12
            })
        );
        let first = locate(
            TEXT,
            &path(vec![
                Field("phases"),
                Index(0),
                Field("items"),
                Index(0),
                Field("exercise"),
            ]),
        );
        assert_eq!(
            first,
            Some(LineColumn {
                line: 10,
                column: 32
            })
        );
    }

    #[test]
    fn missing_fields_fall_back_to_the_enclosing_value() {
        use Segment::*;
        let found = locate(TEXT, &path(vec![Field("phases"), Index(0), Field("weeks")]));
        assert_eq!(found, Some(LineColumn { line: 7, column: 9 }));
        assert_eq!(locate("", &path(vec![Field("title")])), None);
    }
}
