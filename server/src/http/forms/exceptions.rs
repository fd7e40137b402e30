//! The exception queue's post: assign, comment on, resolve or (anomalies) confirm the
//! selected exceptions.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use engine::exceptions::{self, Action};
use engine::model::now_ms;
use engine::replenish::anomalies;
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
    todo: Todo,
}

enum Todo {
    Queue(Action),
    /// Confirm (`true`) or reject the selected anomalies.
    Settle(bool),
}

impl ActForm {
    fn into_act(self, me: i64, lang: i18n::Lang) -> Result<Act, FormError> {
        let ids = self.id.iter().filter_map(|i| id(i)).collect();
        let action =
            match self.action.as_str() {
                "assign_me" => Action::AssignTo(Some(me)),
                "assign" => Action::AssignTo(Some(id(&self.assignee).ok_or_else(|| {
                    FormError::new(i18n::t(lang, "plan-exceptions-error-assignee"))
                })?)),
                "unassign" => Action::AssignTo(None),
                "comment" => Action::Comment(self.text),
                "resolve" => Action::Resolve(self.text),
                "confirm" | "reject" => {
                    return Ok(Act {
                        ids,
                        todo: Todo::Settle(self.action == "confirm"),
                    })
                }
                _ => {
                    return Err(FormError::new(i18n::t(
                        lang,
                        "plan-exceptions-error-action",
                    )))
                }
            };
        Ok(Act {
            ids,
            todo: Todo::Queue(action),
        })
    }
}

pub async fn act(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<ActForm>,
) -> Response {
    let lang = me.tc.lang;
    let act = match form.into_act(me.member.user_id, lang) {
        Ok(a) => a,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let (m, ids, rid, now) = (&me.member, &act.ids, me.rid(), now_ms());
    let r = match &act.todo {
        Todo::Queue(action) => exceptions::act(store, t, m, ids, action, rid, now).await,
        Todo::Settle(true) => anomalies::confirm(store, t, m, ids, rid, now).await,
        Todo::Settle(false) => anomalies::reject(store, t, m, ids, rid, now).await,
    };
    match r {
        Ok(n) => me.notice(
            PAGE,
            &i18n::t_args(
                lang,
                "plan-exceptions-updated",
                &[
                    ("n", (n as i64).into()),
                    ("total", (act.ids.len() as i64).into()),
                ],
            ),
        ),
        Err(e) => me.fail(PAGE, &e),
    }
}
