//! Guards for the shape of the code, so it stays a place a newcomer can find their way:
//! no two modules of a crate import each other (directly or round a longer loop), the
//! engine's store never reaches a service, no
//! source file grows past ~600 lines without saying why at its top, and the SQLite and
//! PostgreSQL migration folders stay in step.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The top-level module a file of `src` belongs to (`lib` for lib.rs / main.rs).
fn top_module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    let first = first.trim_end_matches(".rs").to_string();
    match first.as_str() {
        "lib" | "main" => "lib".into(),
        _ => first,
    }
}

/// Code without its `#[cfg(test)] mod tests` tail and without comments.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Edges `a → b` between a crate's top-level modules, from `crate::b` paths in `a`.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(src) {
        let from = top_module(src, &file);
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        let edges = graph.entry(from.clone()).or_default();
        for (i, _) in code.match_indices("crate::") {
            // `$crate::` in macros names the crate root, not a module.
            if i > 0 && code.as_bytes()[i - 1] == b'$' {
                continue;
            }
            let rest = &code[i + "crate::".len()..];
            // `crate::{a, b::c}` names several modules at once.
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group[..group.find('}').unwrap_or(0)]
                    .split(',')
                    .map(|n| n.trim().split("::").next().unwrap_or(""))
                    .collect(),
                None => vec![rest],
            };
            for name in names {
                let target: String = name
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let is_module = !target.is_empty()
                    && (src.join(format!("{target}.rs")).exists() || src.join(&target).is_dir());
                if is_module && target != from {
                    edges.insert(target);
                }
            }
        }
    }
    graph
}

/// A loop of modules that import each other, if any.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|n| n == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_two_modules_import_each_other() {
    for krate in ["engine", "app", "server"] {
        let src = repo().join(krate).join("src");
        let graph = module_graph(&src);
        // `lib` declares every module; only what modules import among themselves counts.
        let graph: BTreeMap<_, _> = graph.into_iter().filter(|(k, _)| k != "lib").collect();
        if let Some(cycle) = find_cycle(&graph) {
            panic!("{krate}: modules import each other: {}", cycle.join(" → "));
        }
    }
}

/// The engine's layers: the store runs SQL and never reaches a service (it decides
/// nothing, queues nothing); the pure decision modules reach neither the store nor the
/// database.
#[test]
fn engine_layers_do_not_run_backwards() {
    let src = repo().join("engine").join("src");
    let graph = module_graph(&src);
    let store_may_use = [
        "db",
        "model",
        "jobs",
        "audit",
        "policy",
        "sourcing",
        "approval",
        "workflow",
        "sla",
        "forecast",
        "anomaly",
        "risk",
        "assistant",
        // Text the engine records (catalogue ids with their variables), stored as JSON.
        "recorded",
    ];
    for used in &graph["store"] {
        assert!(
            store_may_use.contains(&used.as_str()),
            "the store uses `{used}`: it may use only {store_may_use:?} (data types and SQL), never a service"
        );
    }
    for pure in [
        "model",
        "policy",
        "sourcing",
        "approval",
        "workflow",
        "jobs",
        "audit",
        "sla",
        "forecast",
        "anomaly",
        "risk",
        "assistant",
        "history",
    ] {
        for used in graph.get(pure).into_iter().flatten() {
            assert!(
                ![
                    "store",
                    "db",
                    "replenish",
                    "exceptions",
                    "ingest",
                    "mail",
                    "worker",
                    "seed"
                ]
                .contains(&used.as_str()),
                "`{pure}` is pure but uses `{used}`"
            );
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    assert_eq!(find_cycle(&g), None);
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(
        find_cycle(&g),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}

/// Source files (outside tests and migrations) stay under about 600 lines, unless the
/// file says why at its top with a `//! Size:` line.
#[test]
fn source_files_stay_small_or_say_why() {
    const LIMIT: usize = 650;
    let mut too_long = Vec::new();
    for krate in ["engine", "engine/access", "app", "server", "frontend"] {
        for file in rust_files(&repo().join(krate).join("src")) {
            let text = std::fs::read_to_string(&file).unwrap();
            let lines = text.lines().count();
            let reason = text
                .lines()
                .take_while(|l| l.starts_with("//!"))
                .any(|l| l.starts_with("//! Size:"));
            if lines > LIMIT && !reason {
                too_long.push(format!("{} ({lines} lines)", file.display()));
            }
        }
    }
    assert!(
        too_long.is_empty(),
        "split these, or give the reason in a `//! Size:` line at the top: {too_long:#?}"
    );
}

#[test]
fn sqlite_and_postgres_migrations_stay_in_step() {
    let names = |backend: &str| -> BTreeSet<String> {
        std::fs::read_dir(repo().join("migrations").join(backend))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".sql"))
            .collect()
    };
    let (sqlite, postgres) = (names("sqlite"), names("postgres"));
    assert!(!sqlite.is_empty());
    assert_eq!(
        sqlite, postgres,
        "every migration needs its twin (same version and name) for the other database"
    );
    let versions: Vec<&str> = sqlite.iter().map(|n| &n[..4]).collect();
    let mut unique = versions.clone();
    unique.dedup();
    assert_eq!(versions, unique, "two migrations share a version");
}

/// The message ids the English catalogues define (`id =` at the start of a line).
fn catalogue_ids() -> BTreeSet<String> {
    let dir = repo().join("engine/i18n/locales/en");
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =") {
                if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    ids.insert(id.to_string());
                }
            }
        }
    }
    ids
}

/// Issue 14: words come from the catalogues, so a message id the code asks for that no
/// catalogue defines would show people the bare id. Every string literal that is an
/// argument (after `(` or `,`) and looks like one of our ids (a known area, a hyphen,
/// lowercase letters and digits) must be defined, in the Rust code and the e-mail
/// templates alike.
#[test]
fn every_message_id_the_code_names_is_in_the_catalogues() {
    let ids = catalogue_ids();
    let areas: BTreeSet<&str> = ids.iter().filter_map(|id| id.split('-').next()).collect();
    let mut files = Vec::new();
    for dir in ["app/src", "server/src", "engine/src", "engine/access/src"] {
        files.extend(rust_files(&repo().join(dir)));
    }
    for entry in std::fs::read_dir(repo().join("engine/templates/mail")).unwrap() {
        files.push(entry.unwrap().path());
    }
    let mut unknown = Vec::new();
    let mut named = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut rest = text.as_str();
        let mut before = ' ';
        while let Some(q) = rest.find('"') {
            let lead = rest[..q].trim_end().chars().last().unwrap_or(before);
            let after = &rest[q + 1..];
            // The closing quote: the next one not escaped with a backslash.
            let mut end = None;
            let mut escaped = false;
            for (i, c) in after.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = Some(i);
                        break;
                    }
                    _ => escaped = false,
                }
            }
            let Some(end) = end else { break };
            let literal = &after[..end];
            let shaped = literal.contains('-')
                && !literal.ends_with('-')
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && areas.contains(literal.split('-').next().unwrap());
            if shaped && (lead == '(' || lead == ',') {
                named += 1;
                if !ids.contains(literal) {
                    unknown.push(format!("{} names {literal}", file.display()));
                }
            }
            before = '"';
            rest = &after[end + 1..];
        }
    }
    assert!(
        named > 100,
        "the scan found the code's message ids ({named})"
    );
    assert!(
        unknown.is_empty(),
        "no catalogue defines these: {unknown:#?}"
    );
}
