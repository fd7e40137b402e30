//! A person's own account (password, two-step sign-in) and the admin's members page.

use serde::{Deserialize, Serialize};

use super::Choice;

/// Setting up an authenticator app: the secret to type, or the QR code to scan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetupView {
    /// The secret in groups of four letters and digits.
    pub secret: String,
    pub uri: String,
    /// The QR code as an SVG image (drawn by the server).
    pub qr_svg: Option<String>,
}

/// The second step of a sign-in: a code from the app, or (when the portal requires it
/// and the person has none) setting one up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SecondStepView {
    pub setup: Option<SetupView>,
}

/// The signed-in person's account page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub name: String,
    pub email: String,
    pub two_factor_on: bool,
    pub recovery_codes_left: i64,
    /// The portal requires two-step sign-in (it cannot be turned off).
    pub two_factor_required: bool,
    /// The language the person chose (`None`: their browser's).
    pub language: Option<i18n::Lang>,
}

/// One person on the members page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonView {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    /// Role names (`tenant_admin`, …) and how they read.
    pub roles: Vec<String>,
    pub role_labels: String,
    pub active: bool,
    pub two_factor: bool,
    /// The person looking at the page.
    pub is_you: bool,
    /// Also a partner's or a supplier's member here: roles are not changed here.
    pub managed_elsewhere: bool,
}

/// An open staff invitation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitedView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub expires_on: String,
}

/// The tenant admin's members page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MembersView {
    pub people: Vec<PersonView>,
    pub invitations: Vec<InvitedView>,
    pub require_two_factor: bool,
    /// The roles an admin gives here.
    pub roles: Vec<Choice>,
}
