//! The audit trail's hash chain: the canonical encoding of an entry, its hash, and the
//! check that finds a changed, removed, inserted or reordered entry or a cut-off tail.
//! Storage is in `store::audit`.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The `prev_hash` of a tenant's first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened, as the caller describes it. Never put secrets or personal data in
/// `before` / `after`: they are kept for as long as the trail is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
}

impl AuditEntry {
    /// An entry with all its parts; `before` and `after` are the change's facts.
    pub fn of(
        actor: &str,
        action: &str,
        subject: impl Into<String>,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
        request_id: Option<&str>,
    ) -> AuditEntry {
        AuditEntry {
            actor: actor.into(),
            action: action.into(),
            subject: subject.into(),
            before,
            after,
            request_id: request_id.map(str::to_string),
        }
    }
}

/// A stored entry with its place in the chain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub tenant_id: i64,
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub request_id: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// Length-prefixed fields in a fixed order: unambiguous whatever the text contains
/// (separators, line breaks), and stable across backends.
pub fn canonical(r: &AuditRecord) -> String {
    let mut out = String::new();
    let mut field = |v: Option<&str>| match v {
        Some(s) => out.push_str(&format!("{}:{};", s.len(), s)),
        None => out.push_str("-;"),
    };
    field(Some(&r.tenant_id.to_string()));
    field(Some(&r.seq.to_string()));
    field(Some(&r.at.to_string()));
    field(Some(&r.actor));
    field(Some(&r.action));
    field(Some(&r.subject));
    field(r.before.as_deref());
    field(r.after.as_deref());
    field(r.request_id.as_deref());
    out
}

/// SHA-256 over the previous hash and the canonical encoding, hex-encoded.
pub fn entry_hash(prev_hash: &str, r: &AuditRecord) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(canonical(r).as_bytes());
    hex::encode(h.finalize())
}

/// One thing wrong with a chain, located by sequence number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub seq: i64,
    pub what: String,
}

/// Checks a tenant's entries (in stored seq order) against each other and the head.
pub fn verify(entries: &[AuditRecord], head: Option<(i64, &str)>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS.to_string();
    for e in entries {
        if e.seq != expected_seq {
            problems.push(Problem {
                seq: expected_seq,
                what: format!(
                    "entry {expected_seq} is missing (next stored entry is {})",
                    e.seq
                ),
            });
        }
        if e.prev_hash != prev_hash {
            problems.push(Problem {
                seq: e.seq,
                what: format!(
                    "entry {} does not follow the entry before it (inserted, removed or reordered)",
                    e.seq
                ),
            });
        }
        if entry_hash(&e.prev_hash, e) != e.hash {
            problems.push(Problem {
                seq: e.seq,
                what: format!("entry {} was changed after it was written", e.seq),
            });
        }
        expected_seq = e.seq + 1;
        prev_hash = e.hash.clone();
    }
    let last = entries.last().map(|e| (e.seq, e.hash.as_str()));
    match (head, last) {
        (Some((hs, hh)), Some((ls, lh))) if hs != ls || hh != lh => problems.push(Problem {
            seq: hs,
            what: format!("the trail ends at entry {ls} but its head records entry {hs}: entries were cut off or the head was changed"),
        }),
        (Some((hs, _)), None) if hs > 0 => problems.push(Problem {
            seq: hs,
            what: format!("the trail is empty but its head records entry {hs}"),
        }),
        (None, Some((ls, _))) => problems.push(Problem { seq: ls, what: "the trail has entries but no head".into() }),
        _ => {}
    }
    problems
}

/// A trail as JSON lines, one entry (with its hash) per line: for keeping outside the
/// database, and for [`verify_against`] later.
pub fn export(entries: &[AuditRecord]) -> String {
    entries
        .iter()
        .map(|e| serde_json::to_string(e).unwrap_or_default() + "\n")
        .collect()
}

/// Reads an export back; the message names the line that is not an entry.
pub fn parse_export(text: &str) -> Result<Vec<AuditRecord>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|e| format!("line {} is not an audit entry: {e}", i + 1))
        })
        .collect()
}

/// Checks the stored trail against a copy kept outside the database (an export): the
/// first entry of the copy that the database no longer holds unchanged. This catches
/// what [`verify`] alone cannot: someone who can write to the database and recomputed
/// the chain (and its head) after changing an entry.
pub fn verify_against(stored: &[AuditRecord], kept: &[AuditRecord]) -> Option<Problem> {
    let by_key: std::collections::HashMap<(i64, i64), &AuditRecord> =
        stored.iter().map(|s| ((s.tenant_id, s.seq), s)).collect();
    for k in kept {
        match by_key.get(&(k.tenant_id, k.seq)).copied() {
            None => {
                return Some(Problem {
                    seq: k.seq,
                    what: format!("entry {} of the kept copy is missing from the database", k.seq),
                })
            }
            Some(s) if s.hash != k.hash || canonical(s) != canonical(k) => {
                return Some(Problem {
                    seq: k.seq,
                    what: format!(
                        "entry {} differs from the kept copy: it was changed, and the chain after it rewritten",
                        k.seq
                    ),
                })
            }
            Some(_) => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewritten_chain_is_caught_by_the_kept_copy() {
        let kept = chain(5);
        let text = export(&kept);
        assert_eq!(parse_export(&text).unwrap(), kept);
        // Entry 3 changed and every hash from it on recomputed: the chain verifies alone.
        let mut rewritten = kept.clone();
        rewritten[2].after = Some("{\"state\":\"rejected\"}".into());
        for i in 2..5 {
            let prev = rewritten[i - 1].hash.clone();
            rewritten[i].prev_hash = prev.clone();
            rewritten[i].hash = entry_hash(&prev, &rewritten[i]);
        }
        assert!(verify(&rewritten, Some((5, &rewritten[4].hash))).is_empty());
        assert_eq!(verify_against(&rewritten, &kept).unwrap().seq, 3);
        assert_eq!(verify_against(&kept, &kept), None);
        assert_eq!(verify_against(&kept[..4], &kept).unwrap().seq, 5);
        assert!(parse_export("{}\nnot json").is_err());
    }

    fn record(seq: i64, prev: &str, after: &str) -> AuditRecord {
        let mut r = AuditRecord {
            tenant_id: 7,
            seq,
            at: 1_800_000_000_000 + seq,
            actor: "user:42".into(),
            action: "transfer.approved".into(),
            subject: "transfer:9".into(),
            before: Some("{\"state\":\"pending\"}".into()),
            after: Some(after.into()),
            request_id: Some("req-1".into()),
            prev_hash: prev.into(),
            hash: String::new(),
        };
        r.hash = entry_hash(prev, &r);
        r
    }

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut out: Vec<AuditRecord> = Vec::new();
        for seq in 1..=n {
            let prev = out
                .last()
                .map(|r| r.hash.clone())
                .unwrap_or_else(|| GENESIS.into());
            out.push(record(seq, &prev, "{\"state\":\"approved\"}"));
        }
        out
    }

    #[test]
    fn the_encoding_is_pinned_by_a_fixed_vector() {
        let r = record(1, GENESIS, "line one\nline two");
        assert_eq!(
            canonical(&r),
            "1:7;1:1;13:1800000000001;7:user:42;17:transfer.approved;10:transfer:9;19:{\"state\":\"pending\"};17:line one\nline two;5:req-1;"
        );
        assert_eq!(
            r.hash,
            "e14ef3259ee817ac70203040bddd17c213a320aa681f8e222a5bbf190e5f2f9c"
        );
    }

    #[test]
    fn an_intact_chain_verifies() {
        let c = chain(5);
        assert!(verify(&c, Some((5, &c[4].hash))).is_empty());
        assert!(verify(&[], None).is_empty());
    }

    #[test]
    fn each_kind_of_tampering_is_found_and_located() {
        let c = chain(5);
        let head = Some((5, c[4].hash.as_str()));
        let mut changed = c.clone();
        changed[2].after = Some("{\"state\":\"rejected\"}".into());
        assert_eq!(verify(&changed, head)[0].seq, 3);
        let mut removed = c.clone();
        removed.remove(1);
        assert_eq!(verify(&removed, head)[0].seq, 2);
        let mut reordered = c.clone();
        reordered.swap(1, 2);
        assert!(verify(&reordered, head)
            .iter()
            .any(|p| p.seq == 2 || p.seq == 3));
        // A forger who rewrites entry 3 and recomputes its hash still breaks entry 4.
        let mut forged = c.clone();
        forged[2].after = Some("{\"state\":\"rejected\"}".into());
        forged[2].hash = entry_hash(&forged[2].prev_hash.clone(), &forged[2]);
        let p = verify(&forged, head);
        assert_eq!((p[0].seq, p.len()), (4, 1));
        let truncated = &c[..4];
        assert_eq!(verify(truncated, head)[0].seq, 5);
    }
}
