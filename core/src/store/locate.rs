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

/// Walks through the text a character at a time, counting lines and
/// columns.
struct Cursor {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
}

impl Cursor {
    fn new(text: &str) -> Self {
        Self {
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            column: 1,
        }
    }

    fn here(&self) -> LineColumn {
        LineColumn {
            line: self.line,
            column: self.column,
        }
    }

    /// The character `ahead` places on, if any.
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn done(&self) -> bool {
        self.at >= self.chars.len()
    }

    fn advance(&mut self) {
        if self.peek(0) == Some('\n') {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        self.at += 1;
    }

    fn advance_by(&mut self, count: usize) {
        for _ in 0..count {
            self.advance();
        }
    }

    /// Moves on while `keep` holds for the next character.
    fn advance_while(&mut self, keep: impl Fn(char) -> bool) {
        while self.peek(0).is_some_and(&keep) {
            self.advance();
        }
    }

    /// Skips a `/* .. */` comment, which may nest.
    fn skip_block_comment(&mut self) {
        let mut depth = 0usize;
        while !self.done() {
            if self.peek(0) == Some('/') && self.peek(1) == Some('*') {
                depth += 1;
                self.advance();
            } else if self.peek(0) == Some('*') && self.peek(1) == Some('/') {
                depth -= 1;
                self.advance();
                if depth == 0 {
                    self.advance();
                    return;
                }
            }
            self.advance();
        }
    }

    /// Skips a `#![enable(..)]` attribute, up to its closing bracket.
    fn skip_attribute(&mut self) {
        self.advance_while(|c| c != ']');
        self.advance();
    }

    /// Skips a string, plain (`"a \" b"`) or raw (`r#"a " b"#`).
    fn skip_string(&mut self) {
        let hashes = if self.peek(0) == Some('r') {
            self.advance();
            let mut n = 0;
            while self.peek(0) == Some('#') {
                n += 1;
                self.advance();
            }
            Some(n)
        } else {
            None
        };
        self.advance(); // the opening quote
        while let Some(c) = self.peek(0) {
            if hashes.is_none() && c == '\\' {
                self.advance();
            } else if c == '"' {
                let n = hashes.unwrap_or(0);
                if (1..=n).all(|k| self.peek(k) == Some('#')) {
                    self.advance_by(n + 1);
                    return;
                }
            }
            self.advance();
        }
    }

    /// Skips a character literal such as `'a'` or `'\''`.
    fn skip_char(&mut self) {
        self.advance();
        while let Some(c) = self.peek(0) {
            if c == '\'' {
                break;
            }
            if c == '\\' {
                self.advance();
            }
            self.advance();
        }
        self.advance();
    }

    /// Reads a name made of letters, digits and underscores.
    fn word(&mut self) -> String {
        let start = self.at;
        self.advance_while(|c| c.is_alphanumeric() || c == '_');
        self.chars[start..self.at].iter().collect()
    }
}

/// True for the characters that end a bare value such as a number.
fn ends_atom(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':')
}

impl Scanner {
    fn new(text: &str) -> Self {
        let mut cursor = Cursor::new(text);
        let mut tokens = Vec::new();
        while let Some(c) = cursor.peek(0) {
            let here = cursor.here();
            let next = cursor.peek(1);
            let token = match c {
                c if c.is_whitespace() => {
                    cursor.advance();
                    None
                }
                '/' if next == Some('/') => {
                    cursor.advance_while(|c| c != '\n');
                    None
                }
                '/' if next == Some('*') => {
                    cursor.skip_block_comment();
                    None
                }
                '#' => {
                    cursor.skip_attribute();
                    None
                }
                '"' => {
                    cursor.skip_string();
                    Some(Token::Atom)
                }
                'r' if matches!(next, Some('"' | '#')) => {
                    cursor.skip_string();
                    Some(Token::Atom)
                }
                '\'' => {
                    cursor.skip_char();
                    Some(Token::Atom)
                }
                c if c.is_alphabetic() || c == '_' => Some(Token::Ident(cursor.word())),
                '(' | '[' | '{' => {
                    cursor.advance();
                    Some(Token::Open(c))
                }
                ')' | ']' | '}' | ':' | ',' => {
                    cursor.advance();
                    Some(match c {
                        ':' => Token::Colon,
                        ',' => Token::Comma,
                        _ => Token::Close,
                    })
                }
                _ => {
                    cursor.advance_while(|c| !ends_atom(c));
                    Some(Token::Atom)
                }
            };
            tokens.extend(token.map(|token| (token, here)));
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
