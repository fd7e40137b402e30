//! Two-step sign-in at the engine: an app set up with the password and a code, the
//! password step that then only opens the second step, and the secrets sealed again
//! under a new key (`shelfwise subscribers rekey`) still working.

use engine::accounts::{totp, two_factor};
use engine::addresses::AddressKeys;
use engine::identity::{self, SignInLimits};
use engine::model::{now_ms, Role};
use engine::Store;
use test_support::conformance;

conformance!(an_app_set_up_with_password_and_code_guards_sign_in_and_survives_a_rekey);

const PASSWORD: &str = "lange-zomer-2026";

async fn an_app_set_up_with_password_and_code_guards_sign_in_and_survives_a_rekey(store: &Store) {
    let t = store
        .upsert_tenant(
            "acme",
            "Acme",
            "shelfwise",
            "EUR",
            None,
            Default::default(),
            &[],
        )
        .await
        .unwrap();
    let hash = identity::hash_password_blocking(PASSWORD);
    let user = store
        .upsert_member(
            t,
            "ana@acme.example",
            "Ana",
            || hash,
            &[Role::Planner],
            None,
        )
        .await
        .unwrap();
    let member = store.member(t, user).await.unwrap().unwrap();
    let old = AddressKeys::single("old", [1; 32]);
    let now = now_ms();
    let setup = two_factor::start(store, &old, t, &member, "Acme", now)
        .await
        .unwrap();
    let key = totp::decode_secret(&setup.secret.replace(' ', "")).unwrap();
    let step = totp::step_at(now);
    let code = |s: i64| format!("{:06}", totp::code_at(&key, s));
    let wrong =
        two_factor::confirm(store, &old, t, &member, "not-it", &code(step), None, now).await;
    assert!(wrong.is_err(), "the password is needed as well");
    let codes = two_factor::confirm(store, &old, t, &member, PASSWORD, &code(step), None, now)
        .await
        .unwrap();
    assert_eq!(codes.len(), totp::RECOVERY_CODES);
    // Confirming again (another app over this one) is refused.
    let again = two_factor::confirm(
        store,
        &old,
        t,
        &member,
        PASSWORD,
        &code(step + 1),
        None,
        now,
    )
    .await;
    assert!(again.is_err(), "{again:?}");

    // The password now opens only the second step.
    let limits = SignInLimits {
        per_account: 100,
        per_address: 100,
    };
    let signed = identity::sign_in(
        store,
        t,
        "ana@acme.example",
        PASSWORD,
        "192.0.2.1",
        None,
        limits,
        None,
        now,
    )
    .await
    .unwrap();
    let pending = signed.second_step.expect("a second step");
    assert!(!pending.enrol);
    assert!(signed.device_token.is_empty());

    // A new key first, the old one kept to open: every secret is sealed again, once.
    let ring = AddressKeys::single("new", [2; 32]).with_old("old", [1; 32]);
    assert_eq!(two_factor::rekey(store, &ring).await.unwrap(), (1, 0));
    assert_eq!(two_factor::rekey(store, &ring).await.unwrap(), (0, 0));
    // The new key alone opens it: the second step takes the next code.
    let new_only = AddressKeys::single("new", [2; 32]);
    let done =
        two_factor::verify_at_sign_in(store, &new_only, t, &pending, &code(step + 1), None, now)
            .await
            .unwrap();
    assert_eq!(done.member.user_id, user);
    assert!(!done.device_token.is_empty());
    // The old key alone no longer does (nor is a used step taken twice).
    let stale =
        two_factor::verify_at_sign_in(store, &old, t, &pending, &code(step + 1), None, now).await;
    assert!(stale.is_err());
}
