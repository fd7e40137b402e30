//! The end of a write transaction: what it buffered is written before it commits or
//! changes scope. (The transaction itself is [`crate::db::Tx`].)

use crate::db::{Scope, Tx};

impl Tx {
    /// Writes the audit entries appended in the transaction, then commits.
    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        super::audit::flush_audit_tx(&mut self).await?;
        self.commit_now().await
    }

    /// Changes whose rows the rest of the transaction may touch (PostgreSQL: `SET LOCAL`
    /// of the scope; see [`Scope`]), for the few transactions that span tenants, such as
    /// provisioning one or a group commit. Audit entries appended so far are written
    /// first, under the scope they were made in.
    pub async fn set_scope(&mut self, scope: impl Into<Scope>) -> Result<(), sqlx::Error> {
        super::audit::flush_audit_tx(self).await?;
        self.set_scope_now(scope.into()).await
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::{verify, AuditEntry};
    use crate::db::Db;
    use crate::model::TenantId;
    use crate::store::audit::append_audit_tx;
    use crate::store::Store;

    fn entry(n: usize) -> AuditEntry {
        AuditEntry::of(
            "user:1",
            "test.appended",
            format!("thing:{n}"),
            None,
            None,
            None,
        )
    }

    async fn chain_ok(store: &Store, t: TenantId, len: usize) {
        let trail = store.audit_trail(t).await.unwrap();
        assert_eq!(trail.len(), len);
        let head = store.audit_head(t).await.unwrap();
        assert!(verify(&trail, head.as_ref().map(|(s, h)| (*s, h.as_str()))).is_empty());
    }

    /// Hundreds of entries in one transaction (several insert statements), for two
    /// tenants with a change of scope between them, then more in a second transaction:
    /// two unbroken chains. A transaction dropped without commit leaves no entry and
    /// no moved head.
    #[tokio::test]
    async fn buffered_entries_are_written_at_commit_and_at_a_change_of_scope() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let db = Db::connect(&url).await.unwrap();
        db.migrate().await.unwrap();
        let store = Store::new(db);
        let a = store
            .upsert_tenant("a", "A", "shelfwise", "EUR", None, Default::default(), &[])
            .await
            .unwrap();
        let b = store
            .upsert_tenant("b", "B", "shelfwise", "EUR", None, Default::default(), &[])
            .await
            .unwrap();
        let mut tx = store.begin(a).await.unwrap();
        for n in 0..150 {
            append_audit_tx(&mut tx, a, &entry(n)).await.unwrap();
        }
        // Tenant B's entry under tenant A's scope is refused.
        assert!(append_audit_tx(&mut tx, b, &entry(0)).await.is_err());
        tx.set_scope(b).await.unwrap();
        for n in 0..70 {
            append_audit_tx(&mut tx, b, &entry(n)).await.unwrap();
        }
        tx.set_scope(a).await.unwrap();
        let last = append_audit_tx(&mut tx, a, &entry(150)).await.unwrap();
        assert_eq!(
            last.seq, 151,
            "the chain goes on from the entries already written"
        );
        tx.commit().await.unwrap();
        chain_ok(&store, a, 151).await;
        chain_ok(&store, b, 70).await;

        let mut tx = store.begin(a).await.unwrap();
        append_audit_tx(&mut tx, a, &entry(999)).await.unwrap();
        drop(tx);
        chain_ok(&store, a, 151).await;
        let mut tx = store.begin(a).await.unwrap();
        assert_eq!(
            append_audit_tx(&mut tx, a, &entry(152)).await.unwrap().seq,
            152
        );
        tx.commit().await.unwrap();
        chain_ok(&store, a, 152).await;
    }
}
