//! The portal's pages as its route tables list them: the Leptos routes in
//! `app/src/lib.rs` and the server's GET routes in `server/src/http/forms/mod.rs`.
//! Tests that must cover every page (white label, accessibility) read them here, so a
//! page is covered the day its route is added. Path parameters are filled by `fill`
//! (given the parameter's name), e.g. with a sample value or kept as `{name}`.

use crate::repo_root;

/// The Leptos routes' paths (`/` for the home page).
pub fn leptos_paths(fill: impl Fn(&str) -> String) -> Vec<String> {
    let src = std::fs::read_to_string(repo_root().join("app/src/lib.rs")).unwrap();
    let routes = &src[src.find("fn PortalRoutes").expect("the portal's routes")..];
    let mut paths = Vec::new();
    for line in routes
        .lines()
        .filter(|l| l.trim_start().starts_with("<Route path="))
    {
        let mut path = String::new();
        let mut rest = line;
        while let Some(at) = rest.find("Segment(\"") {
            let kind = &rest[..at];
            let after = &rest[at + "Segment(\"".len()..];
            let name = &after[..after.find('"').unwrap()];
            if kind.ends_with("Static") {
                if !name.is_empty() {
                    path.push('/');
                    path.push_str(name);
                }
            } else {
                path.push('/');
                path.push_str(&fill(name));
            }
            rest = &after[name.len()..];
        }
        paths.push(if path.is_empty() { "/".into() } else { path });
    }
    assert!(paths.len() > 25, "the route table was read: {paths:?}");
    paths
}

/// The server's own GET pages (server-rendered pages, downloads, pictures).
pub fn server_paths(fill: impl Fn(&str) -> String) -> Vec<String> {
    let src = std::fs::read_to_string(repo_root().join("server/src/http/forms/mod.rs")).unwrap();
    let mut paths = Vec::new();
    for piece in src.split(".route(").skip(1) {
        let Some(at) = piece.find("&at(\"") else {
            continue;
        };
        let raw = &piece[at + 5..];
        let raw = &raw[..raw.find('"').unwrap()];
        if !piece.contains("get(") {
            continue;
        }
        let filled: Vec<String> = raw
            .split('/')
            .map(
                |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(p) => fill(p),
                    None => s.to_string(),
                },
            )
            .collect();
        paths.push(filled.join("/"));
    }
    assert!(paths.len() > 10, "the server's routes were read: {paths:?}");
    paths
}
