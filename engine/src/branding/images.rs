//! The checks an uploaded logo or favicon passes: PNG (by its signature, with its
//! dimensions read from the header) or SVG, which is accepted only when every element
//! and attribute is on a short allow-list of plain drawing: no scripts, event handlers,
//! styles, foreign content, `<use>`, references outside the file (every `url(` and
//! `href` must point at `#…`; CSS escapes are refused), entities, or processing
//! instructions beyond the XML declaration; the namespaces are SVG's. The file is also
//! served with a sandboxing CSP, so even a miss runs nothing.
//! Anything else is refused rather than cleaned, so what is served is exactly what was
//! checked. The type is decided from the bytes, never from what the browser said.

use crate::error::Msg;

/// Which picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asset {
    Logo,
    Favicon,
}

impl Asset {
    pub fn parse(s: &str) -> Option<Asset> {
        match s {
            "logo" => Some(Asset::Logo),
            "favicon" => Some(Asset::Favicon),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Asset::Logo => "logo",
            Asset::Favicon => "favicon",
        }
    }

    /// The largest file accepted, in bytes.
    pub fn max_bytes(self) -> usize {
        match self {
            Asset::Logo => 256 * 1024,
            Asset::Favicon => 64 * 1024,
        }
    }

    /// The largest width or height in pixels (a PNG's; the smallest is [`MIN_SIDE`]).
    fn max_side(self) -> u32 {
        match self {
            Asset::Logo => 1024,
            Asset::Favicon => 512,
        }
    }
}

const MIN_SIDE: u32 = 16;

/// Elements an SVG logo may use.
const SVG_ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "title",
    "desc",
    "defs",
    "lineargradient",
    "radialgradient",
    "stop",
    "clippath",
];

/// Attributes an SVG logo may use (lower case); `href` only to `#id` within the file.
const SVG_ATTRIBUTES: &[&str] = &[
    "xmlns",
    "xmlns:xlink",
    "version",
    "viewbox",
    "width",
    "height",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "d",
    "points",
    "fill",
    "fill-opacity",
    "fill-rule",
    "clip-rule",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "opacity",
    "transform",
    "id",
    "offset",
    "stop-color",
    "stop-opacity",
    "gradientunits",
    "gradienttransform",
    "clip-path",
    "preserveaspectratio",
    "href",
    "xlink:href",
    "role",
    "aria-label",
    "aria-hidden",
    "focusable",
];

/// Checks `bytes` as `asset`; its content type, or what is wrong, in a sentence.
pub fn check(asset: Asset, bytes: &[u8]) -> Result<&'static str, Msg> {
    if bytes.is_empty() {
        return Err(Msg::new("err-file-empty", &[]));
    }
    let asset_term = match asset {
        Asset::Logo => "err-asset-logo",
        Asset::Favicon => "err-asset-favicon",
    };
    if bytes.len() > asset.max_bytes() {
        return Err(Msg::new(
            "err-image-too-large",
            &[
                ("most", (asset.max_bytes() / 1024).to_string()),
                ("size", bytes.len().div_ceil(1024).to_string()),
            ],
        )
        .term("asset", asset_term));
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let (w, h) = png_size(bytes).ok_or_else(|| Msg::new("err-image-png-damaged", &[]))?;
        let max = asset.max_side();
        if !(MIN_SIDE..=max).contains(&w) || !(MIN_SIDE..=max).contains(&h) {
            return Err(Msg::new(
                "err-image-side",
                &[
                    ("least", MIN_SIDE.to_string()),
                    ("most", max.to_string()),
                    ("width", w.to_string()),
                    ("height", h.to_string()),
                ],
            )
            .term("asset", asset_term));
        }
        if asset == Asset::Favicon && w != h {
            return Err(Msg::new(
                "err-image-favicon-square",
                &[("width", w.to_string()), ("height", h.to_string())],
            ));
        }
        return Ok("image/png");
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Msg::new("err-image-kind", &[]))?;
    if !text.contains("<svg") {
        return Err(Msg::new("err-image-kind", &[]));
    }
    check_svg(text)?;
    Ok("image/svg+xml")
}

/// A PNG's width and height from its IHDR chunk.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

/// Refuses an SVG with anything beyond plain drawing (see the module doc).
fn check_svg(text: &str) -> Result<(), Msg> {
    let refuse = |id: &'static str, args: &[(&'static str, String)]| Err(Msg::new(id, args));
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    if let Some(after) = rest
        .strip_prefix("<?xml")
        .filter(|a| a.starts_with(char::is_whitespace))
    {
        let Some(end) = after.find("?>") else {
            return refuse("err-svg-declaration-open", &[]);
        };
        rest = &after[end + 2..];
    }
    let mut saw_root = false;
    let mut root_sized = false;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        if let Some(after) = tag.strip_prefix("!--") {
            let Some(end) = after.find("-->") else {
                return refuse("err-svg-comment-open", &[]);
            };
            rest = &after[end + 3..];
            continue;
        }
        if tag.starts_with('!') || tag.starts_with('?') {
            return refuse("err-svg-doctype", &[]);
        }
        let Some(close) = tag.find('>') else {
            return refuse("err-svg-tag-open", &[]);
        };
        let inner = tag[..close].trim_end_matches('/');
        rest = &tag[close + 1..];
        if let Some(name) = inner.strip_prefix('/') {
            if !SVG_ELEMENTS.contains(&name.trim().to_ascii_lowercase().as_str()) {
                return refuse("err-svg-element", &[("element", name.trim().to_string())]);
            }
            continue;
        }
        let name_end = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        if !SVG_ELEMENTS.contains(&name.as_str()) {
            return refuse("err-svg-element", &[("element", name.clone())]);
        }
        let attributes = attributes(&inner[name_end..])
            .ok_or_else(|| Msg::new("err-svg-attributes", &[("element", name.clone())]))?;
        for (attr, value) in &attributes {
            if !SVG_ATTRIBUTES.contains(&attr.as_str()) {
                return refuse(
                    "err-svg-attribute",
                    &[("attribute", attr.clone()), ("element", name.clone())],
                );
            }
            let lower = value.to_ascii_lowercase();
            if (attr == "href" || attr == "xlink:href") && !value.starts_with('#') {
                return refuse("err-svg-outside", &[]);
            }
            // Every url( must point inside the file; CSS escapes could hide one.
            let outside = lower
                .match_indices("url(")
                .any(|(i, _)| !lower[i + 4..].trim_start().starts_with('#'));
            if outside || lower.contains('\\') || lower.contains("javascript:") {
                return refuse("err-svg-outside", &[]);
            }
            let namespace = match attr.as_str() {
                "xmlns" => Some("http://www.w3.org/2000/svg"),
                "xmlns:xlink" => Some("http://www.w3.org/1999/xlink"),
                _ => None,
            };
            if namespace.is_some_and(|ns| value != ns) {
                return refuse("err-svg-namespace", &[("namespace", format!("{value:?}"))]);
            }
        }
        if !saw_root {
            if name != "svg" {
                return refuse("err-svg-root", &[]);
            }
            saw_root = true;
            root_sized = root_size(&attributes).is_some();
        }
    }
    if !saw_root {
        return refuse("err-svg-no-root", &[]);
    }
    if !root_sized {
        return refuse("err-svg-size", &[]);
    }
    Ok(())
}

/// `name="value"` pairs (either quote), names lower-cased; `None` when the text is not
/// plain attributes (a `<` or an unclosed quote inside, for example).
fn attributes(mut s: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Some(out);
        }
        let eq = s.find('=')?;
        let name = s[..eq].trim().to_ascii_lowercase();
        if name.is_empty()
            || name
                .chars()
                .any(|c| c.is_whitespace() || c == '<' || c == '"')
        {
            return None;
        }
        let after = s[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let body = &after[1..];
        let end = body.find(quote)?;
        let value = &body[..end];
        if value.contains('<') || value.contains('&') {
            return None;
        }
        out.push((name, value.to_string()));
        s = &body[end + 1..];
    }
}

/// The root's width and height from its viewBox (or width and height): positive, at
/// most 10,000, and no more than 8 times wider than high or the other way round.
fn root_size(attributes: &[(String, String)]) -> Option<(f64, f64)> {
    let get = |n: &str| {
        attributes
            .iter()
            .find(|(a, _)| a == n)
            .map(|(_, v)| v.as_str())
    };
    let (w, h) = match get("viewbox") {
        Some(vb) => {
            let n: Vec<f64> = vb
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|p| !p.is_empty())
                .map(|p| p.parse().ok())
                .collect::<Option<_>>()?;
            if n.len() != 4 {
                return None;
            }
            (n[2], n[3])
        }
        None => {
            let num = |v: &str| v.trim_end_matches("px").parse::<f64>().ok();
            (num(get("width")?)?, num(get("height")?)?)
        }
    };
    let ok = w > 0.0 && h > 0.0 && w <= 10_000.0 && h <= 10_000.0 && w / h <= 8.0 && h / w <= 8.0;
    ok.then_some((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#263238"/><path d="M3 25l9-13 5 7 4-5 8 11z" fill="#ffb74d"/></svg>"##;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    #[test]
    fn a_plain_logo_passes() {
        assert_eq!(check(Asset::Logo, LOGO.as_bytes()), Ok("image/svg+xml"));
        let with_decl = format!("<?xml version=\"1.0\"?>\n<!-- a logo -->\n{LOGO}");
        assert_eq!(
            check(Asset::Logo, with_decl.as_bytes()),
            Ok("image/svg+xml")
        );
        for theme in ["ridgeline", "freshfield", "shelfwise", "northwind"] {
            let path = format!("{}/../themes/{theme}/logo.svg", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(check(Asset::Logo, &bytes), Ok("image/svg+xml"), "{theme}");
        }
    }

    #[test]
    fn hostile_svg_is_refused() {
        for hostile in [
            r#"<svg viewBox="0 0 10 10"><script>alert(1)</script></svg>"#,
            r#"<svg viewBox="0 0 10 10" onload="alert(1)"></svg>"#,
            r#"<svg viewBox="0 0 10 10"><rect onclick="x()" width="1" height="1"/></svg>"#,
            r#"<svg viewBox="0 0 10 10"><foreignObject><iframe src="https://evil"/></foreignObject></svg>"#,
            r#"<svg viewBox="0 0 10 10"><use href="https://evil.example/x.svg#a"/></svg>"#,
            r#"<svg viewBox="0 0 10 10"><a xlink:href="javascript:alert(1)"><rect/></a></svg>"#,
            r#"<svg viewBox="0 0 10 10"><style>rect{fill:url(https://evil/)}</style></svg>"#,
            r#"<svg viewBox="0 0 10 10"><rect style="fill:red" width="1" height="1"/></svg>"#,
            r#"<svg viewBox="0 0 10 10"><rect fill="url(https://evil/track)" width="1" height="1"/></svg>"#,
            r#"<!DOCTYPE svg [<!ENTITY x "y">]><svg viewBox="0 0 10 10"></svg>"#,
            r#"<svg viewBox="0 0 10 10"><image href="data:image/png;base64,AAAA"/></svg>"#,
            r#"<svg viewBox="0 0 10 10"><![CDATA[<script>]]></svg>"#,
            r#"<svg viewBox="0 0 10 10"><rect width="1" height='1"/><script>x</script>'/></svg>"#,
            r#"<svg viewBox="0 0 10 10"><rect width=1 height=1/></svg>"#,
            r#"<html><svg viewBox="0 0 10 10"></svg></html>"#,
            r#"<svg><rect width="1" height="1"/></svg>"#,
            r#"<svg viewBox="0 0 1000 1"></svg>"#,
            r#"<?xml-stylesheet type="text/xsl" href="https://evil/x.xsl"?><svg viewBox="0 0 10 10"></svg>"#,
            r#"<svg viewBox="0 0 10 10"><rect fill="u\rl(https://evil/)" width="1" height="1"/></svg>"#,
            r#"<svg viewBox="0 0 10 10"><rect fill="url(#a) url(https://evil/)" width="1" height="1"/></svg>"#,
            r##"<svg viewBox="0 0 10 10"><defs><g id="a"/></defs><use href="#a"/></svg>"##,
            r#"<svg xmlns="http://www.w3.org/1999/xhtml" viewBox="0 0 10 10"></svg>"#,
            r#"<svg viewBox="0 0 10 10"><svg:script>alert(1)</svg:script></svg>"#,
        ] {
            let res = check(Asset::Logo, hostile.as_bytes());
            assert!(res.is_err(), "accepted: {hostile}");
        }
    }

    #[test]
    fn pngs_are_checked_by_their_header() {
        assert_eq!(check(Asset::Logo, &png(200, 60)), Ok("image/png"));
        assert!(check(Asset::Logo, &png(4000, 60))
            .unwrap_err()
            .contains("4000×60"));
        assert!(check(Asset::Logo, &png(8, 8)).is_err());
        assert_eq!(check(Asset::Favicon, &png(64, 64)), Ok("image/png"));
        assert!(check(Asset::Favicon, &png(64, 32))
            .unwrap_err()
            .contains("square"));
        let mut big = png(64, 64);
        big.resize(Asset::Favicon.max_bytes() + 1, 0);
        assert!(check(Asset::Favicon, &big)
            .unwrap_err()
            .contains("at most 64 KiB"));
        assert!(check(Asset::Logo, b"GIF89a....").is_err());
        assert!(check(Asset::Logo, b"").is_err());
    }
}
