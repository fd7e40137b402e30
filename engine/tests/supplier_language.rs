//! The language a supplier's e-mails are written in (issue 14): the retailer's admin
//! sets it for one supplier (or clears it back to the tenant's default), audited; a
//! planner cannot; a value that is no language the portal speaks is refused naming the
//! field; another tenant's supplier is not there. On both backends.

use engine::error::EngineError;
use engine::invites::{set_supplier_language, supplier_access};
use engine::model::{Permission, TenantId};
use engine::Store;
use test_support::{conformance, member};

conformance!(an_admin_sets_a_supplier_s_language_and_no_one_else_can);

const TENANT: &str = r#"
slug = "acme"
name = "Acme Foods"
theme = "shelfwise"
[[locations]]
code = "S1"
name = "Store One"
kind = "store"
region = "north"
[[suppliers]]
code = "SUP"
name = "Dairy Co"
email = "orders@dairy.example"
lead_time_days = 2
[[users]]
email = "admin@acme.example"
name = "Ada Admin"
password = "admin-password-1"
roles = ["tenant_admin"]
[[users]]
email = "planner@acme.example"
name = "Pat Planner"
password = "planner-password-1"
roles = ["planner"]
"#;

/// A tenant seeded from [`TENANT`] under `slug`, and its supplier's id.
async fn acme(store: &Store, slug: &str) -> (TenantId, i64) {
    let t = test_support::seed_as(store, TENANT, slug).await;
    let (_, suppliers) = store.labels(t).await.unwrap();
    (t, suppliers[0].0)
}

async fn an_admin_sets_a_supplier_s_language_and_no_one_else_can(store: &Store) {
    let (t, sup) = acme(store, "acme").await;
    let (other, other_sup) = acme(store, "other").await;
    let admin = member(store, t, "admin@acme.example").await;
    let planner = member(store, t, "planner@acme.example").await;
    assert_eq!(store.supplier_language(t, sup).await.unwrap(), None);

    // The admin sets it: kept, shown on the supplier page, audited.
    set_supplier_language(store, t, &admin, sup, "de", Some("req-1"))
        .await
        .unwrap();
    assert_eq!(
        store.supplier_language(t, sup).await.unwrap().as_deref(),
        Some("de")
    );
    let access = supplier_access(store, t, &admin).await.unwrap();
    assert_eq!(access.languages, vec![(sup, "de".to_string())]);
    let trail = store
        .audit_for_subject(t, &format!("supplier:{sup}"))
        .await
        .unwrap();
    assert_eq!(trail.len(), 1, "{trail:?}");
    assert_eq!(trail[0].action, "supplier.language_changed");
    assert!(trail[0].after.as_deref().unwrap().contains("\"de\""));

    // A planner may not.
    let refused = set_supplier_language(store, t, &planner, sup, "nl", None).await;
    assert!(
        matches!(
            refused,
            Err(EngineError::Forbidden(Permission::ManageSuppliers))
        ),
        "{refused:?}"
    );
    assert_eq!(
        store.supplier_language(t, sup).await.unwrap().as_deref(),
        Some("de")
    );

    // A value that is not one of the portal's languages is refused, naming the field.
    let wrong = set_supplier_language(store, t, &admin, sup, "fr", None)
        .await
        .unwrap_err();
    assert!(matches!(wrong, EngineError::Invalid(_)), "{wrong:?}");
    assert_eq!(
        wrong.user_message(),
        "Language: fr is not one of en, de or nl (leave it empty for the portal's language)."
    );
    assert!(
        wrong.text(i18n::Lang::De).starts_with("Sprache: fr "),
        "{}",
        wrong.text(i18n::Lang::De)
    );
    assert_eq!(
        store.supplier_language(t, sup).await.unwrap().as_deref(),
        Some("de")
    );

    // Another tenant's supplier is not there, and keeps its own language.
    let elsewhere = set_supplier_language(store, t, &admin, other_sup, "nl", None).await;
    assert!(
        matches!(elsewhere, Err(EngineError::NotFound)),
        "{elsewhere:?}"
    );
    assert_eq!(
        store.supplier_language(other, other_sup).await.unwrap(),
        None
    );

    // Empty goes back to the tenant's default; a code in capitals is the code.
    set_supplier_language(store, t, &admin, sup, "", None)
        .await
        .unwrap();
    assert_eq!(store.supplier_language(t, sup).await.unwrap(), None);
    set_supplier_language(store, t, &admin, sup, " NL ", None)
        .await
        .unwrap();
    assert_eq!(
        store.supplier_language(t, sup).await.unwrap().as_deref(),
        Some("nl")
    );
}
