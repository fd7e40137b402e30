//! Server functions of a person's own account pages, the second step of a sign-in, a
//! password reset link, and the admin's members page.

use leptos::prelude::*;

use crate::views::*;

/// The sign-in waiting for its second step (from the session); an error when there is
/// none (sign in again).
#[server(endpoint = "second_step")]
pub async fn get_second_step() -> Result<SecondStepView, ServerFnError> {
    crate::ssr::account::second_step().await
}

/// Whether a password reset link still works; no sign-in (the link is the permission).
#[server(endpoint = "password_reset")]
pub async fn get_password_reset(token: String) -> Result<(), ServerFnError> {
    crate::ssr::account::reset(token).await
}

/// The signed-in person's account.
#[server(endpoint = "account")]
pub async fn get_account() -> Result<AccountView, ServerFnError> {
    crate::ssr::account::account().await
}

/// Starts setting up an authenticator app for the signed-in person.
#[server(endpoint = "two_factor_setup")]
pub async fn get_two_factor_setup() -> Result<SetupView, ServerFnError> {
    crate::ssr::account::setup().await
}

/// The recovery codes just issued, once (then they are gone from the session).
#[server(endpoint = "recovery_codes")]
pub async fn take_recovery_codes() -> Result<Vec<String>, ServerFnError> {
    crate::ssr::account::recovery_codes().await
}

/// The tenant's members (tenant admins).
#[server(endpoint = "members")]
pub async fn get_members() -> Result<MembersView, ServerFnError> {
    crate::ssr::account::members().await
}
