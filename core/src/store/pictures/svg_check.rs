//! Reads an SVG file's structure before any renderer sees it, and refuses
//! what could hurt: entity expansion that would fill the memory, nesting
//! (through children or references) deep enough to overflow the stack,
//! too many elements, and any reference to a file, a web address or
//! anything but the drawing itself and `data:` pictures.
//!
//! The SVG converter recurses once per level of nesting and per `<use>`,
//! pattern, mask or clip path it follows, and a stack overflow ends the
//! whole process, which no `catch_unwind` can stop: so the depth is
//! measured here, without recursion, first. roxmltree's own limits (a node
//! count, and its loop and billion-laughs checks on entities) do part of
//! the job.
//!
//! It also reads the frame markers of ptbuilder's illustrations
//! (`<rect id="frame-N">`, see `tools/illustrations/README.md`).

use std::collections::HashMap;

/// Most elements and text nodes in one picture; the shipped drawings
/// have under 200.
pub const MAX_NODES: u32 = 50_000;
/// Deepest nesting, counting each reference followed as a level; the
/// shipped drawings nest 3 levels, drawing programs' files about 20.
pub const MAX_DEPTH: usize = 100;
/// Most text that entities may expand to, in bytes.
pub const MAX_ENTITY_EXPANSION: usize = 1024 * 1024;

/// One frame of a movement, as a fraction of the drawing: `x` and `w`
/// across, `y` and `h` down, each from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

/// What the check learned about a picture it let through.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    /// The frames of a movement, in order (empty for one pose).
    pub frames: Vec<Frame>,
}

/// Checks an SVG file's text; the error says which limit it broke.
pub fn check(text: &str) -> Result<Checked, String> {
    check_entities(text)?;
    // roxmltree itself recurses once per level, so the text's nesting is
    // measured before it parses anything.
    if tag_depth(text) > MAX_DEPTH {
        return Err(too_deep());
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: MAX_NODES,
    };
    let document =
        roxmltree::Document::parse_with_options(text, options).map_err(|error| match error {
            roxmltree::Error::NodesLimitReached => {
                format!("it has more than {MAX_NODES} parts, which is more than a picture needs")
            }
            roxmltree::Error::EntityReferenceLoop(_) => {
                "its entities refer to each other without end".to_string()
            }
            other => format!("it is not readable SVG ({other})"),
        })?;
    let root = document.root_element();
    if root.tag_name().name() != "svg" {
        return Err("it is not an SVG drawing".to_string());
    }
    for node in document.descendants().filter(|n| n.is_element()) {
        check_references(node)?;
    }
    check_depth(&document)?;
    Ok(Checked {
        frames: frames(root),
    })
}

fn too_deep() -> String {
    format!("it nests deeper than {MAX_DEPTH} levels, which no picture needs")
}

/// How deeply the text's tags nest, read straight from the text: opening
/// tags go one level down, closing tags one up; comments, CDATA,
/// declarations and processing instructions are skipped, and a `>` inside
/// quotes does not end a tag.
fn tag_depth(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut at, mut depth, mut deepest) = (0, 0usize, 0usize);
    let skip_to = |from: usize, end: &str| {
        text[from..]
            .find(end)
            .map_or(bytes.len(), |found| from + found + end.len())
    };
    while let Some(found) = text[at..].find('<') {
        let start = at + found;
        let rest = &text[start..];
        at = if rest.starts_with("<!--") {
            skip_to(start, "-->")
        } else if rest.starts_with("<![CDATA[") {
            skip_to(start, "]]>")
        } else if rest.starts_with("<?") {
            skip_to(start, "?>")
        } else if rest.starts_with("<!") {
            // A declaration: its internal subset may hold `>` in brackets.
            let end = if rest.contains('[') && rest.find('[') < rest.find('>') {
                "]>"
            } else {
                ">"
            };
            skip_to(start, end)
        } else {
            let end = tag_end(bytes, start);
            if rest.starts_with("</") {
                depth = depth.saturating_sub(1);
            } else if bytes[end.saturating_sub(2)] != b'/' {
                depth += 1;
                deepest = deepest.max(depth);
            }
            end
        };
    }
    deepest
}

/// Just past the `>` that ends the tag starting at `start`, quotes allowed.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote = None;
    for (i, &byte) in bytes.iter().enumerate().skip(start + 1) {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(q), _) if byte == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// Refuses a DTD whose entities would expand past
/// [`MAX_ENTITY_EXPANSION`]: roxmltree stops loops and billion-laughs
/// chains, but not one large entity used many times.
fn check_entities(text: &str) -> Result<(), String> {
    let Some(start) = text.find("<!DOCTYPE") else {
        return Ok(());
    };
    let end = text[start..]
        .find("]>")
        .map_or(text.len(), |at| start + at + 2);
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    let declarations = &text[start..end];
    for declaration in declarations.split("<!ENTITY").skip(1) {
        let mut words = declaration.trim_start().splitn(2, char::is_whitespace);
        let name = words.next().unwrap_or_default();
        let rest = words.next().unwrap_or_default().trim_start();
        let value = quoted(rest).unwrap_or_default();
        if value.contains('<') {
            // Markup in an entity could nest without showing in the text.
            return Err("its entities hold markup, which pictures never need".to_string());
        }
        // An entity's size counts the entities it uses at their own size.
        let size = value.len() + references_size(value, &sizes);
        sizes.insert(name, size.min(MAX_ENTITY_EXPANSION + 1));
    }
    if sizes.is_empty() {
        return Ok(());
    }
    let expanded = text.len() + references_size(&text[end..], &sizes);
    if expanded > MAX_ENTITY_EXPANSION + text.len() {
        return Err(format!(
            "its entities expand to more than {} MB of text",
            MAX_ENTITY_EXPANSION / (1024 * 1024)
        ));
    }
    Ok(())
}

/// The text between the quotes at the start of `text`.
fn quoted(text: &str) -> Option<&str> {
    let quote = text.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inside = &text[1..];
    inside.find(quote).map(|end| &inside[..end])
}

/// The bytes the `&name;` references in `text` add when expanded.
fn references_size(text: &str, sizes: &HashMap<&str, usize>) -> usize {
    text.split('&')
        .skip(1)
        .filter_map(|after| after.split_once(';').map(|(name, _)| name))
        .filter_map(|name| sizes.get(name))
        .fold(0usize, |total, size| total.saturating_add(*size))
}

/// A reference may point into the drawing (`#id`) or hold a picture
/// (`data:`); nothing else: no files, paths or web addresses.
fn check_references(node: roxmltree::Node) -> Result<(), String> {
    for attribute in node.attributes() {
        let value = attribute.value().trim();
        let name = attribute.name();
        if name == "href" && !(value.starts_with('#') || value.starts_with("data:")) {
            return Err(format!(
                "it refers to {:?} outside the picture; pictures may only use what is inside them",
                shorten(value)
            ));
        }
        check_urls(value)?;
    }
    if node.tag_name().name() == "style" {
        let css = node.text().unwrap_or_default();
        if css.contains("@import") {
            return Err("its style sheet imports another file".to_string());
        }
        check_urls(css)?;
    }
    Ok(())
}

/// Every `url(..)` in a value must point into the drawing.
fn check_urls(value: &str) -> Result<(), String> {
    for part in value.split("url(").skip(1) {
        let target = part
            .split(')')
            .next()
            .unwrap_or_default()
            .trim()
            .trim_matches(['"', '\'']);
        if !(target.starts_with('#') || target.starts_with("data:")) {
            return Err(format!(
                "it refers to {:?} outside the picture; pictures may only use what is inside them",
                shorten(target)
            ));
        }
    }
    Ok(())
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// The ids a node refers to: `href="#id"` and `url(#id)`.
fn references<'a>(node: roxmltree::Node<'a, 'a>) -> Vec<&'a str> {
    let mut found = Vec::new();
    for attribute in node.attributes() {
        let value = attribute.value().trim();
        if attribute.name() == "href"
            && let Some(id) = value.strip_prefix('#')
        {
            found.push(id);
        }
        for part in value.split("url(").skip(1) {
            let target = part.split(')').next().unwrap_or_default();
            if let Some(id) = target.trim().trim_matches(['"', '\'']).strip_prefix('#') {
                found.push(id);
            }
        }
    }
    found
}

/// The longest chain of nesting, where following a reference counts as
/// going one level deeper; refused past [`MAX_DEPTH`], and when references
/// go round in a circle. Measured with an explicit stack, never recursion.
fn check_depth(document: &roxmltree::Document) -> Result<(), String> {
    let elements: Vec<roxmltree::Node> =
        document.descendants().filter(|n| n.is_element()).collect();
    let index: HashMap<roxmltree::NodeId, usize> = elements
        .iter()
        .enumerate()
        .map(|(i, node)| (node.id(), i))
        .collect();
    let by_id: HashMap<&str, usize> = elements
        .iter()
        .enumerate()
        .filter_map(|(i, node)| node.attribute("id").map(|id| (id, i)))
        .collect();
    let next: Vec<Vec<usize>> = elements
        .iter()
        .map(|node| {
            let children = node
                .children()
                .filter_map(|child| index.get(&child.id()).copied());
            let targets = references(*node)
                .into_iter()
                .filter_map(|id| by_id.get(id).copied());
            children.chain(targets).collect()
        })
        .collect();
    // depth[i]: the longest chain starting at element i, once known.
    let mut depth: Vec<Option<usize>> = vec![None; elements.len()];
    let mut on_path = vec![false; elements.len()];
    for start in 0..elements.len() {
        if depth[start].is_some() {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        on_path[start] = true;
        while let Some(&mut (node, ref mut child)) = stack.last_mut() {
            if let Some(&after) = next[node].get(*child) {
                *child += 1;
                if on_path[after] {
                    return Err("it refers to itself in a circle".to_string());
                }
                if depth[after].is_none() {
                    if stack.len() >= MAX_DEPTH {
                        return Err(too_deep());
                    }
                    on_path[after] = true;
                    stack.push((after, 0));
                }
            } else {
                let deepest = next[node].iter().filter_map(|&n| depth[n]).max();
                let own = 1 + deepest.unwrap_or(0);
                if own > MAX_DEPTH {
                    return Err(too_deep());
                }
                depth[node] = Some(own);
                on_path[node] = false;
                stack.pop();
            }
        }
    }
    Ok(())
}

/// The frame markers `<rect id="frame-1" ..>`, `frame-2`, … directly under
/// the root, as fractions of the view box, in number order.
fn frames(root: roxmltree::Node) -> Vec<Frame> {
    let Some(view_box) = root.attribute("viewBox").and_then(numbers) else {
        return Vec::new();
    };
    let [vx, vy, vw, vh] = view_box[..] else {
        return Vec::new();
    };
    if vw <= 0.0 || vh <= 0.0 {
        return Vec::new();
    }
    let mut found: Vec<(u32, Frame)> = root
        .children()
        .filter(|node| node.has_tag_name("rect"))
        .filter_map(|node| {
            let number: u32 = node.attribute("id")?.strip_prefix("frame-")?.parse().ok()?;
            let value = |name| node.attribute(name)?.trim().parse::<f32>().ok();
            let frame = Frame {
                x: (value("x")? - vx) / vw,
                y: (value("y")? - vy) / vh,
                w: value("width")? / vw,
                h: value("height")? / vh,
            };
            Some((number, frame))
        })
        .collect();
    found.sort_by_key(|(number, _)| *number);
    // Numbered 1, 2, 3 … with none missing, or not used at all.
    let complete = found
        .iter()
        .enumerate()
        .all(|(i, (number, _))| *number as usize == i + 1);
    if found.len() < 2 || !complete {
        return Vec::new();
    }
    found.into_iter().map(|(_, frame)| frame).collect()
}

/// The numbers in a view box: "0 0 400 240" or "0,0,400,240".
fn numbers(text: &str) -> Option<Vec<f32>> {
    text.split([' ', ','])
        .filter(|part| !part.is_empty())
        .map(|part| part.parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20" viewBox="0 0 40 20">"#;

    fn svg(body: &str) -> String {
        format!("{HEAD}{body}</svg>")
    }

    #[test]
    fn a_plain_drawing_passes_with_its_frames() {
        let text = svg(r##"<rect x="0" y="0" width="40" height="20" fill="#fff"/>
            <rect id="frame-2" x="20" y="0" width="20" height="20" fill="none" stroke="none"/>
            <rect id="frame-1" x="0" y="0" width="20" height="20" fill="none" stroke="none"/>
            <g><path d="M1 1 L5 5"/></g>"##);
        let checked = check(&text).unwrap();
        assert_eq!(checked.frames.len(), 2);
        assert_eq!(checked.frames[0].x, 0.0);
        assert_eq!(checked.frames[1].x, 0.5);
        assert_eq!(checked.frames[1].w, 0.5);
    }

    #[test]
    fn every_shipped_illustration_passes() {
        for (name, bytes) in crate::assets::illustrations() {
            let text = std::str::from_utf8(bytes).unwrap();
            assert!(check(text).is_ok(), "{name}: {:?}", check(text));
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let depth = 100_000;
        let text = svg(&format!("{}{}", "<g>".repeat(depth), "</g>".repeat(depth)));
        let refused = check(&text).unwrap_err();
        assert!(
            refused.contains("nests deeper than 100 levels"),
            "{refused}"
        );
        // Just inside the limit is fine.
        let text = svg(&format!("{}{}", "<g>".repeat(90), "</g>".repeat(90)));
        assert!(check(&text).is_ok());
    }

    #[test]
    fn nesting_is_read_past_comments_quotes_and_declarations() {
        let text = r#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]>
            <svg a="x>y" b='<g>'><!-- <g><g> --><g/><g><![CDATA[<g>]]></g></svg>"#;
        assert_eq!(tag_depth(text), 2);
    }

    #[test]
    fn chains_of_references_count_as_nesting() {
        let uses: String = (0..500)
            .map(|n| format!(r##"<g id="g{n}"><use href="#g{}"/></g>"##, n + 1))
            .collect();
        let text = svg(&format!("<defs>{uses}<g id=\"g500\"/></defs>"));
        assert!(check(&text).unwrap_err().contains("nests deeper"));
        let circle = svg(r##"<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>"##);
        assert!(check(&circle).unwrap_err().contains("circle"));
    }

    #[test]
    fn references_outside_the_picture_are_refused() {
        for reference in [
            r#"<image href="/etc/passwd" width="1" height="1"/>"#,
            r#"<image xlink:href="../secret.png" width="1" height="1"/>"#,
            r#"<image href="file:///home/ann/x.png" width="1" height="1"/>"#,
            r#"<image href="https://example.org/x.png" width="1" height="1"/>"#,
            r#"<rect width="1" height="1" fill="url(other.svg#paint)"/>"#,
            r#"<style>@import url(theme.css);</style>"#,
            r#"<rect width="1" height="1" style="fill: url('/tmp/p.svg#x')"/>"#,
        ] {
            let refused = check(&svg(reference)).unwrap_err();
            assert!(
                refused.contains("outside the picture") || refused.contains("imports"),
                "{reference}: {refused}"
            );
        }
        let inside = svg(
            r##"<defs><linearGradient id="g"/></defs><rect width="1" height="1" fill="url(#g)"/>
            <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>"##,
        );
        assert!(check(&inside).is_ok(), "{:?}", check(&inside));
    }

    #[test]
    fn entity_expansion_is_bounded() {
        let laughs = format!(
            r#"<?xml version="1.0"?><!DOCTYPE svg [
            <!ENTITY lol "lol">
            <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
            ]>{}"#,
            svg("<text>&lol6;</text>")
        );
        assert!(check(&laughs).unwrap_err().contains("expand"));
        // One big entity used many times: each use is small, the sum is not.
        let big = "x".repeat(10_000);
        let quadratic = format!(
            r#"<!DOCTYPE svg [<!ENTITY big "{big}">]>{}"#,
            svg(&"<text>&big;</text>".repeat(200))
        );
        assert!(check(&quadratic).unwrap_err().contains("expand"));
        // Drawing programs declare a few small entities; that is fine.
        let illustrator = format!(
            r#"<!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]>{}"#,
            svg("<g/>")
        );
        assert!(check(&illustrator).is_ok(), "{:?}", check(&illustrator));
    }

    #[test]
    fn too_many_parts_are_refused() {
        let text = svg(&"<g/>".repeat(60_000));
        assert!(check(&text).unwrap_err().contains("more than 50000 parts"));
    }
}
