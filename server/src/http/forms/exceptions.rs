//! The exception queue's post: assign, comment on or resolve the selected exceptions.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use engine::exceptions::{self, Action};
use engine::model::now_ms;
use serde::Deserialize;

use super::{id, FormError, Posted, SignedIn};
use crate::state::AppState;

const PAGE: &str = "/exceptions";

#[derive(Deserialize)]
pub struct ActForm {
    #[serde(default)]
    id: Vec<String>,
    #[serde(default)]
    action: String,
    #[serde(default)]
    assignee: String,
    #[serde(default)]
    text: String,
}

struct Act {
    ids: Vec<i64>,
    action: Action,
}

impl ActForm {
    fn into_act(self, me: i64) -> Result<Act, FormError> {
        let ids = self.id.iter().filter_map(|i| id(i)).collect();
        let action = match self.action.as_str() {
            "assign_me" => Action::AssignTo(Some(me)),
            "assign" => Action::AssignTo(Some(
                id(&self.assignee)
                    .ok_or_else(|| FormError::new("Choose whom to assign them to."))?,
            )),
            "unassign" => Action::AssignTo(None),
            "comment" => Action::Comment(self.text),
            "resolve" => Action::Resolve(self.text),
            _ => {
                return Err(FormError::new(
                    "Choose what to do with the selected exceptions.",
                ))
            }
        };
        Ok(Act { ids, action })
    }
}

pub async fn act(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<ActForm>,
) -> Response {
    let act = match form.into_act(me.member.user_id) {
        Ok(a) => a,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let r = exceptions::act(
        store,
        t,
        &me.member,
        &act.ids,
        &act.action,
        me.rid(),
        now_ms(),
    );
    match r.await {
        Ok(n) => me.notice(PAGE, &format!("Updated {n} of {}.", act.ids.len())),
        Err(e) => me.fail(PAGE, &e),
    }
}
