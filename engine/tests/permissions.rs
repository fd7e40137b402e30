//! The engine is the permission gate: every command a person can call is tried with
//! every role, and must refuse exactly the roles whose permissions lack what it needs
//! (with a typed `Forbidden` and nothing changed). A scan of the engine's source makes
//! sure no command that takes a member is missing from the table, so a new command
//! without a check fails here.

use test_support::conformance;

use std::collections::BTreeSet;
use std::future::Future;
use std::pin::Pin;

use engine::accounts::{self, two_factor};
use engine::approval::{DocumentType, Outcome, Rule};
use engine::exceptions::{self, Action};
use engine::inbound;
use engine::invites;
use engine::members;
use engine::model::{
    now_ms, permissions_of, DocRef, Member, Permission, Role, TenantId, TenantKind,
};
use engine::query;
use engine::replenish::{self, PolicySettings, RuleEdit};
use engine::seed::{seed_tenant, TenantFile};
use engine::webhooks;
use engine::workflow::purchase_order::PoCommand;
use engine::workflow::transfer::TransferCommand;
use engine::{EngineError, Store};

conformance!(every_command_refuses_exactly_the_roles_without_its_permission);

const TENANT: &str = r#"
slug = "gate"
name = "Gate Foods"
theme = "shelfwise"

[[locations]]
code = "S1"
name = "Store One"
kind = "store"
region = "north"

[[products]]
sku = "MILK"
name = "Milk"
class = "dairy"
cost_minor = 100
price_minor = 150
"#;

type Call = Pin<Box<dyn Future<Output = Result<(), EngineError>> + Send>>;

/// One engine command, called as `member` with harmless arguments.
struct Command {
    name: &'static str,
    needs: Permission,
    call: fn(Store, TenantId, Member) -> Call,
}

fn hello() -> replenish::Message {
    replenish::Message {
        body: "hello".into(),
        attachment: None,
    }
}

fn hook_keys() -> engine::addresses::AddressKeys {
    engine::addresses::AddressKeys::single("t", [7; 32])
}

fn ok<T>(r: Result<T, EngineError>) -> Result<(), EngineError> {
    r.map(|_| ())
}

fn commands() -> Vec<Command> {
    vec![
        Command {
            name: "decide",
            needs: Permission::DecideApprovals,
            call: |s, t, m| {
                Box::pin(async move {
                    let doc = DocRef::Transfer(1);
                    ok(replenish::decide(&s, t, &m, doc, true, "", None, now_ms()).await)
                })
            },
        },
        Command {
            name: "approve_many",
            needs: Permission::DecideApprovals,
            call: |s, t, m| {
                Box::pin(async move {
                    let docs = [DocRef::Transfer(1)];
                    ok(replenish::approve_many(&s, t, &m, &docs, "", None, now_ms()).await)
                })
            },
        },
        Command {
            name: "transfer_command",
            needs: Permission::CommandTransfers,
            call: |s, t, m| {
                Box::pin(async move {
                    let cmd = TransferCommand::Cancel;
                    ok(replenish::transfer_command(&s, t, &m, 1, cmd, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "save_matrix",
            needs: Permission::EditApprovalMatrix,
            call: |s, t, m| {
                Box::pin(async move {
                    let matrix = replenish::default_matrix();
                    ok(replenish::save_matrix(&s, t, &m, &matrix, 60, None, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "edit_matrix",
            needs: Permission::EditApprovalMatrix,
            call: |s, t, m| {
                Box::pin(async move {
                    let rule = Rule {
                        name: "Tiny transfers".into(),
                        doc_type: Some(DocumentType::Transfer),
                        min_value_minor: None,
                        max_value_minor: Some(100),
                        class: None,
                        region: None,
                        location_id: None,
                        supplier_id: None,
                        outcome: Outcome::AutoApprove,
                    };
                    let edit = RuleEdit::Add(rule);
                    ok(replenish::edit_matrix(&s, t, &m, 0, edit, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "delegate",
            needs: Permission::DecideApprovals,
            call: |s, t, m| {
                Box::pin(async move {
                    let (from, to) = (now_ms(), now_ms() + 86_400_000);
                    let role = Role::Approver;
                    ok(replenish::delegate(&s, t, &m, 999, role, from, to, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "end_delegation",
            needs: Permission::DecideApprovals,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(replenish::end_delegation(&s, t, &m, 1, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "save_policy",
            needs: Permission::EditPolicies,
            call: |s, t, m| {
                Box::pin(async move {
                    let p = PolicySettings::default();
                    ok(replenish::save_policy(&s, t, &m, "dairy", None, &p, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "delete_policy",
            needs: Permission::EditPolicies,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(replenish::delete_policy(&s, t, &m, 1, None, now_ms()).await) },
                )
            },
        },
        Command {
            name: "set_position_levels",
            needs: Permission::EditPolicies,
            call: |s, t, m| {
                Box::pin(async move {
                    let levels = Some((1, 2));
                    let r = replenish::set_position_levels(&s, t, &m, 1, 1, levels, None, now_ms());
                    ok(r.await)
                })
            },
        },
        Command {
            name: "set_sweep_hour",
            needs: Permission::EditPolicies,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(replenish::set_sweep_hour(&s, t, &m, 3, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "po_command",
            needs: Permission::CommandPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    let cmd = PoCommand::Cancel;
                    ok(replenish::po_command(&s, t, &m, 1, cmd, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "revoke_order_links",
            needs: Permission::CommandPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(replenish::revoke_order_links(&s, t, &m, 1, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "resend_order",
            needs: Permission::CommandPurchaseOrders,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(replenish::resend_order(&s, t, &m, 1, None, now_ms()).await) },
                )
            },
        },
        Command {
            name: "supplier_order_list",
            needs: Permission::AnswerPurchaseOrders,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(replenish::supplier_order_list(&s, t, &m, None, None).await) },
                )
            },
        },
        Command {
            name: "supplier_order_for",
            needs: Permission::AnswerPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move { ok(replenish::supplier_order_for(&s, t, &m, 1).await) })
            },
        },
        Command {
            name: "answer_as_supplier",
            needs: Permission::AnswerPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    let answer = replenish::SupplierAnswer::Decline {
                        reason: "no stock".into(),
                    };
                    ok(replenish::answer_as_supplier(&s, t, &m, 1, answer, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "propose_change",
            needs: Permission::CommandPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    let p = replenish::Proposal::default();
                    ok(replenish::propose_change(&s, t, &m, 1, p, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "propose_change_as_supplier",
            needs: Permission::AnswerPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    let p = replenish::Proposal::default();
                    ok(
                        replenish::propose_change_as_supplier(&s, t, &m, 1, p, None, now_ms())
                            .await,
                    )
                })
            },
        },
        Command {
            name: "answer_change",
            needs: Permission::CommandPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    let a = replenish::ChangeAnswer::Accept;
                    ok(replenish::answer_change(&s, t, &m, 1, a, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "answer_change_as_supplier",
            needs: Permission::AnswerPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    let a = replenish::ChangeAnswer::Accept;
                    ok(replenish::answer_change_as_supplier(&s, t, &m, 1, a, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "ship_notice_as_supplier",
            needs: Permission::AnswerPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    let n = replenish::ShipNotice::default();
                    ok(replenish::ship_notice_as_supplier(&s, t, &m, 1, n, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "receive_notice",
            needs: Permission::CommandPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(
                        replenish::receive_notice(&s, t, &m, 1, 1, Vec::new(), None, now_ms())
                            .await,
                    )
                })
            },
        },
        Command {
            name: "message_supplier",
            needs: Permission::CommandPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(replenish::message_supplier(&s, t, &m, 1, &hello(), None, now_ms()).await)
                })
            },
        },
        Command {
            name: "message_as_supplier",
            needs: Permission::AnswerPurchaseOrders,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(
                        replenish::message_as_supplier(&s, t, &m, 1, &hello(), None, now_ms())
                            .await,
                    )
                })
            },
        },
        Command {
            name: "attachment_for_staff",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move { ok(replenish::attachment_for_staff(&s, t, &m, 1, 1).await) })
            },
        },
        Command {
            name: "attachment_for_supplier",
            needs: Permission::AnswerPurchaseOrders,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(replenish::attachment_for_supplier(&s, t, &m, 1, 1).await) },
                )
            },
        },
        Command {
            name: "scorecards",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(engine::scorecard::scorecards(&s, t, &m, now_ms()).await) },
                )
            },
        },
        Command {
            name: "own_scorecard",
            needs: Permission::AnswerPurchaseOrders,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(engine::scorecard::own_scorecard(&s, t, &m, now_ms()).await) },
                )
            },
        },
        Command {
            name: "list",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| Box::pin(async move { ok(engine::api_keys::list(&s, t, &m).await) }),
        },
        Command {
            name: "create",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move {
                    let scopes = [engine::api_keys::KeyScope::WriteEvents];
                    ok(engine::api_keys::create(&s, t, &m, "till", &scopes, None).await)
                })
            },
        },
        Command {
            name: "rotate",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move { ok(engine::api_keys::rotate(&s, t, &m, 1, 1, None).await) })
            },
        },
        Command {
            name: "revoke",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move { ok(engine::api_keys::revoke(&s, t, &m, 1, None).await) })
            },
        },
        Command {
            name: "create_endpoint",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move {
                    let (keys, guard) = (hook_keys(), engine::webhooks::Guard::default());
                    let events = ["transfer.*".to_string()];
                    ok(webhooks::create_endpoint(
                        &s,
                        &keys,
                        &guard,
                        t,
                        &m,
                        "https://hooks.example.com/",
                        "",
                        &events,
                        None,
                    )
                    .await)
                })
            },
        },
        Command {
            name: "endpoints",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| Box::pin(async move { ok(webhooks::endpoints(&s, t, &m).await) }),
        },
        Command {
            name: "rotate_secret",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(webhooks::rotate_secret(&s, &hook_keys(), t, &m, 1, 1, None).await)
                })
            },
        },
        Command {
            name: "set_enabled",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move { ok(webhooks::set_enabled(&s, t, &m, 1, false, None).await) })
            },
        },
        Command {
            name: "delete_endpoint",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move { ok(webhooks::delete_endpoint(&s, t, &m, 1, None).await) })
            },
        },
        Command {
            name: "deliveries",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move { ok(webhooks::deliveries(&s, t, &m, 1, None, 10).await) })
            },
        },
        Command {
            name: "delivery",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| Box::pin(async move { ok(webhooks::delivery(&s, t, &m, 1).await) }),
        },
        Command {
            name: "replay_delivery",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move { ok(webhooks::replay_delivery(&s, t, &m, 1, None).await) })
            },
        },
        Command {
            name: "create_source",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move {
                    let kind = inbound::SourceKind::Standard;
                    ok(
                        inbound::create_source(&s, &hook_keys(), t, &m, "erp", kind, "", "", None)
                            .await,
                    )
                })
            },
        },
        Command {
            name: "sources",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| Box::pin(async move { ok(inbound::sources(&s, t, &m).await) }),
        },
        Command {
            name: "rotate_source_secret",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(
                        inbound::rotate_source_secret(&s, &hook_keys(), t, &m, 1, 1, "", None)
                            .await,
                    )
                })
            },
        },
        Command {
            name: "save_mapping",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move { ok(inbound::save_mapping(&s, t, &m, 1, "", None).await) })
            },
        },
        Command {
            name: "delete_source",
            needs: Permission::ManageIntegrations,
            call: |s, t, m| {
                Box::pin(async move { ok(inbound::delete_source(&s, t, &m, 1, None).await) })
            },
        },
        Command {
            name: "settings_for",
            needs: Permission::ManageBackInStock,
            call: |s, t, m| {
                Box::pin(async move { ok(engine::back_in_stock::settings_for(&s, t, &m).await) })
            },
        },
        Command {
            name: "save_settings",
            needs: Permission::ManageBackInStock,
            call: |s, t, m| {
                Box::pin(async move {
                    let settings = engine::back_in_stock::Settings::default();
                    ok(engine::back_in_stock::save_settings(&s, t, &m, &settings, None).await)
                })
            },
        },
        Command {
            name: "waitlists",
            needs: Permission::ManageBackInStock,
            call: |s, t, m| {
                Box::pin(async move { ok(engine::back_in_stock::waitlists(&s, t, &m).await) })
            },
        },
        Command {
            name: "set_supplier_clocks",
            needs: Permission::ManageSuppliers,
            call: |s, t, m| {
                Box::pin(async move {
                    let sla = engine::sla::SupplierSla::default();
                    ok(invites::set_supplier_clocks(&s, t, &m, sla, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "invite_supplier_user",
            needs: Permission::ManageSuppliers,
            call: |s, t, m| {
                Box::pin(async move {
                    let invite = invites::SupplierInvite {
                        email: "new@supplier.example".into(),
                        name: "New".into(),
                        supplier_id: 1,
                    };
                    ok(invites::invite_supplier_user(&s, t, &m, invite, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "revoke_invitation",
            needs: Permission::ManageSuppliers,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(invites::revoke_invitation(&s, t, &m, 1, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "remove_supplier_user",
            needs: Permission::ManageSuppliers,
            call: |s, t, m| {
                Box::pin(async move { ok(invites::remove_supplier_user(&s, t, &m, 1, None).await) })
            },
        },
        Command {
            name: "set_supplier_language",
            needs: Permission::ManageSuppliers,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(invites::set_supplier_language(&s, t, &m, 1, "de", None).await)
                })
            },
        },
        Command {
            name: "supplier_access",
            needs: Permission::ManageSuppliers,
            call: |s, t, m| Box::pin(async move { ok(invites::supplier_access(&s, t, &m).await) }),
        },
        Command {
            name: "confirm",
            needs: Permission::WorkExceptions,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(replenish::anomalies::confirm(&s, t, &m, &[1], None, now_ms()).await)
                })
            },
        },
        Command {
            name: "reject",
            needs: Permission::WorkExceptions,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(replenish::anomalies::reject(&s, t, &m, &[1], None, now_ms()).await)
                })
            },
        },
        Command {
            name: "save_settings",
            needs: Permission::EditPolicies,
            call: |s, t, m| {
                Box::pin(async move {
                    let settings = engine::anomaly::Settings::default();
                    ok(
                        replenish::anomalies::save_settings(&s, t, &m, &settings, None, now_ms())
                            .await,
                    )
                })
            },
        },
        Command {
            name: "save_limits",
            needs: Permission::EditApprovalMatrix,
            call: |s, t, m| {
                Box::pin(async move {
                    let limits = engine::assistant::Limits::default();
                    ok(replenish::assistant::save_limits(&s, t, &m, &limits, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "dashboard",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move { ok(engine::dashboard::dashboard(&s, t, &m, now_ms()).await) })
            },
        },
        Command {
            name: "start",
            needs: Permission::EditPolicies,
            call: |s, t, m| {
                Box::pin(async move {
                    let req = engine::backtest_runs::Request {
                        days: 28,
                        candidate: engine::backtest_runs::Candidate::Forecast,
                        service_level: None,
                        csv: None,
                    };
                    ok(engine::backtest_runs::start(&s, t, &m, &req, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "runs",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move { ok(engine::backtest_runs::runs(&s, t, &m).await) })
            },
        },
        Command {
            name: "run",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move { ok(engine::backtest_runs::run(&s, t, &m, 1).await) })
            },
        },
        Command {
            name: "overview",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(replenish::assistant::overview(&s, t, &m, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "act",
            needs: Permission::WorkExceptions,
            call: |s, t, m| {
                Box::pin(async move {
                    let action = Action::Comment("looked at it".into());
                    ok(exceptions::act(&s, t, &m, &[1], &action, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "positions",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move {
                    let keys = engine::store::listing::PositionKeyset::default();
                    ok(query::positions(&s, t, &m, &keys, 10).await)
                })
            },
        },
        Command {
            name: "products",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move { ok(query::products(&s, t, &m, None, None, 10).await) })
            },
        },
        Command {
            name: "locations",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move { ok(query::locations(&s, t, &m, None, None, 10).await) })
            },
        },
        Command {
            name: "suppliers",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move { ok(query::suppliers(&s, t, &m, None, 10).await) })
            },
        },
        Command {
            name: "transfers",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move { ok(query::transfers(&s, t, &m, None, None, 10).await) })
            },
        },
        Command {
            name: "transfer",
            needs: Permission::ViewInventory,
            call: |s, t, m| Box::pin(async move { ok(query::transfer(&s, t, &m, 1).await) }),
        },
        Command {
            name: "purchase_orders",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(query::purchase_orders(&s, t, &m, None, None, None, 10).await)
                })
            },
        },
        Command {
            name: "purchase_order",
            needs: Permission::ViewInventory,
            call: |s, t, m| Box::pin(async move { ok(query::purchase_order(&s, t, &m, 1).await) }),
        },
        Command {
            name: "exceptions",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(query::exceptions(&s, t, &m, None, None, None, 10).await) },
                )
            },
        },
        Command {
            name: "exception",
            needs: Permission::ViewInventory,
            call: |s, t, m| Box::pin(async move { ok(query::exception(&s, t, &m, 1).await) }),
        },
        Command {
            name: "subscriptions",
            needs: Permission::ManageBackInStock,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(query::subscriptions(&s, t, &m, None, None, None, 10).await) },
                )
            },
        },
        Command {
            name: "end_subscription",
            needs: Permission::ManageBackInStock,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(engine::back_in_stock::end_subscription(&s, t, &m, 1, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "start",
            needs: Permission::ImportData,
            call: |s, t, m| {
                Box::pin(async move {
                    let file = b"location,sku,on_hand\nS1,A,1\n";
                    let kind = engine::imports::ImportKind::StockCounts;
                    ok(engine::imports::start(&s, t, &m, kind, "f.csv", file, now_ms()).await)
                })
            },
        },
        Command {
            name: "imports",
            needs: Permission::ImportData,
            call: |s, t, m| Box::pin(async move { ok(engine::imports::imports(&s, t, &m).await) }),
        },
        Command {
            name: "import",
            needs: Permission::ImportData,
            call: |s, t, m| {
                Box::pin(async move { ok(engine::imports::import(&s, t, &m, 1).await) })
            },
        },
        Command {
            name: "apply",
            needs: Permission::ImportData,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(engine::imports::apply(&s, t, &m, 1, None, now_ms()).await) },
                )
            },
        },
        Command {
            name: "export",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move {
                    let kind = engine::imports::export::ExportKind::Products;
                    ok(engine::imports::export::export(&s, t, &m, kind).await)
                })
            },
        },
        Command {
            name: "replay",
            needs: Permission::ReplayJobs,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(engine::worker::replay(&s, t, &m, 1, None, now_ms()).await) },
                )
            },
        },
        Command {
            name: "preview",
            needs: Permission::EditBranding,
            call: |s, t, m| {
                Box::pin(async move {
                    let tenant = s
                        .tenants()
                        .await?
                        .into_iter()
                        .find(|x| x.id == t)
                        .ok_or(EngineError::NotFound)?;
                    let mailer = engine::mail::Mailer {
                        store: s.clone(),
                        themes: std::sync::Arc::new(engine::theme::Themes::default()),
                        transport: engine::mail::Transport::Mailbox(std::path::PathBuf::new()),
                        from_address: "no-reply@gate.example".into(),
                        portal_url: "http://gate.example".into(),
                        addresses: std::sync::Arc::new(hook_keys()),
                    };
                    let which = engine::mail::preview::MailPreview::Invitation;
                    ok(mailer.preview(&tenant, &m, which, i18n::Lang::En))
                })
            },
        },
        Command {
            name: "domains",
            needs: Permission::EditBranding,
            call: |s, t, m| Box::pin(async move { ok(engine::domains::domains(&s, t, &m).await) }),
        },
        Command {
            name: "add_domain",
            needs: Permission::EditBranding,
            call: |s, t, m| {
                Box::pin(async move {
                    let reserved = engine::domains::Reserved {
                        base_domain: "localhost".into(),
                        platform_hosts: vec![],
                    };
                    ok(engine::domains::add_domain(
                        &s,
                        t,
                        &m,
                        "bad host",
                        &reserved,
                        None,
                        now_ms(),
                    )
                    .await)
                })
            },
        },
        Command {
            name: "verify_domain",
            needs: Permission::EditBranding,
            call: |s, t, m| {
                Box::pin(async move {
                    let verifier = engine::domains::Verifier {
                        trusted_suffixes: vec![],
                        fetch: std::sync::Arc::new(|_| Box::pin(async { None })),
                    };
                    ok(engine::domains::verify_domain(
                        &s,
                        t,
                        &m,
                        999_999,
                        &verifier,
                        None,
                        now_ms(),
                    )
                    .await)
                })
            },
        },
        Command {
            name: "remove_domain",
            needs: Permission::EditBranding,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(engine::domains::remove_domain(&s, t, &m, 999_999, None).await)
                })
            },
        },
        Command {
            name: "tenants",
            needs: Permission::ManagePlatform,
            call: |s, _, m| Box::pin(async move { ok(engine::platform::tenants(&s, &m).await) }),
        },
        Command {
            name: "suspend_tenant",
            needs: Permission::ManagePlatform,
            call: |s, _, m| {
                Box::pin(async move {
                    ok(
                        engine::platform::suspend_tenant(
                            &s,
                            &m,
                            "no-such-tenant",
                            "test",
                            now_ms(),
                        )
                        .await,
                    )
                })
            },
        },
        Command {
            name: "resume_tenant",
            needs: Permission::ManagePlatform,
            call: |s, _, m| {
                Box::pin(async move {
                    ok(engine::platform::resume_tenant(&s, &m, "no-such-tenant", now_ms()).await)
                })
            },
        },
        Command {
            name: "members",
            needs: Permission::ManageMembers,
            call: |s, t, m| Box::pin(async move { ok(members::members(&s, t, &m).await) }),
        },
        Command {
            name: "invite_member",
            needs: Permission::ManageMembers,
            call: |s, t, m| {
                Box::pin(async move {
                    let invite = members::StaffInvite {
                        email: "new@gate.example".into(),
                        name: "New".into(),
                        role: Role::Planner,
                    };
                    ok(members::invite_member(&s, t, &m, invite, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "revoke_member_invitation",
            needs: Permission::ManageMembers,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(members::revoke_member_invitation(&s, t, &m, 999_999, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "set_roles",
            needs: Permission::ManageMembers,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(members::set_roles(&s, t, &m, 999_999, &[Role::Planner], None).await)
                })
            },
        },
        Command {
            name: "set_active",
            needs: Permission::ManageMembers,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(members::set_active(&s, t, &m, 999_999, false, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "require_two_factor",
            needs: Permission::ManageMembers,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(members::require_two_factor(&s, t, &m, false, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "change_password",
            needs: Permission::ManageOwnAccount,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(accounts::change_password(
                        &s,
                        t,
                        &m,
                        "wrong",
                        "new-password-1",
                        None,
                        now_ms(),
                    )
                    .await)
                })
            },
        },
        Command {
            name: "set_language",
            needs: Permission::ManageOwnAccount,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(accounts::set_language(&s, t, &m, Some(i18n::Lang::De), None).await)
                })
            },
        },
        Command {
            name: "set_region",
            needs: Permission::EditBranding,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(engine::region::set_region(
                        &s,
                        t,
                        &m,
                        Some(i18n::Lang::Nl),
                        Some("Europe/Amsterdam"),
                        None,
                    )
                    .await)
                })
            },
        },
        Command {
            name: "status",
            needs: Permission::ManageOwnAccount,
            call: |s, t, m| Box::pin(async move { ok(two_factor::status(&s, t, &m).await) }),
        },
        Command {
            name: "start",
            needs: Permission::ManageOwnAccount,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(two_factor::start(&s, &hook_keys(), t, &m, "Gate", now_ms()).await)
                })
            },
        },
        Command {
            name: "confirm",
            needs: Permission::ManageOwnAccount,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(
                        two_factor::confirm(
                            &s,
                            &hook_keys(),
                            t,
                            &m,
                            "pw",
                            "000000",
                            None,
                            now_ms(),
                        )
                        .await,
                    )
                })
            },
        },
        Command {
            name: "turn_off",
            needs: Permission::ManageOwnAccount,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(
                        two_factor::turn_off(&s, &hook_keys(), t, &m, "000000", None, now_ms())
                            .await,
                    )
                })
            },
        },
        Command {
            name: "console",
            needs: Permission::ManageClientTenants,
            call: |s, t, m| {
                Box::pin(async move { ok(engine::partners::console(&s, t, &m, now_ms()).await) })
            },
        },
        Command {
            name: "client_dashboards",
            needs: Permission::ManageClientTenants,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(engine::partners::client_dashboards(&s, t, &m, now_ms()).await)
                })
            },
        },
        Command {
            name: "provisioning",
            needs: Permission::ManageClientTenants,
            call: |s, t, m| {
                Box::pin(async move { ok(engine::partners::provisioning(&s, t, &m, 1).await) })
            },
        },
        Command {
            name: "provision",
            needs: Permission::ManageClientTenants,
            call: |s, t, m| {
                Box::pin(async move {
                    let provisioner = engine::partners::Provisioner {
                        store: s.clone(),
                        themes: Default::default(),
                        templates_dir: "/nonexistent".into(),
                    };
                    let new = engine::partners::NewClient {
                        template: "none".into(),
                        slug: "new-client".into(),
                        name: "New client".into(),
                        admin_email: "a@new.example".into(),
                        admin_name: "A".into(),
                        ..Default::default()
                    };
                    ok(engine::partners::provision(&provisioner, t, &m, new, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "retry_provisioning",
            needs: Permission::ManageClientTenants,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(engine::partners::retry_provisioning(&s, t, &m, 1, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "start",
            needs: Permission::ManageClientTenants,
            call: |s, t, m| {
                Box::pin(async move {
                    let request = engine::partners::act_as::Request {
                        client: "gate".into(),
                        role: Role::Planner,
                        reason: "checking the stock levels".into(),
                        minutes: 30,
                    };
                    ok(engine::partners::act_as::start(&s, t, &m, request, None, now_ms()).await)
                })
            },
        },
        Command {
            name: "editor",
            needs: Permission::EditBranding,
            call: |s, t, m| {
                Box::pin(async move {
                    let tenant = gate_tenant(&s, t).await;
                    let themes = engine::theme::Themes::default();
                    ok(engine::branding::editor(&s, &themes, &tenant, &m).await)
                })
            },
        },
        Command {
            name: "save_theme",
            needs: Permission::EditBranding,
            call: |s, t, m| {
                Box::pin(async move {
                    let tenant = gate_tenant(&s, t).await;
                    let themes = engine::theme::Themes::default();
                    let edit = engine::branding::ThemeEdit {
                        product_name: "Gate".into(),
                        colors: engine::theme::Colors {
                            primary: "#000000".into(),
                            on_primary: "#ffffff".into(),
                            accent: "#000000".into(),
                            background: "#ffffff".into(),
                            surface: "#ffffff".into(),
                            text: "#000000".into(),
                            muted: "#333333".into(),
                            danger: "#990000".into(),
                        },
                        fonts: engine::theme::Fonts {
                            body: "serif".into(),
                            heading: "serif".into(),
                        },
                        email_sender_name: String::new(),
                        email_header: String::new(),
                        email_footer: String::new(),
                    };
                    let r = engine::branding::save_theme(
                        &s,
                        &themes,
                        &tenant,
                        &m,
                        edit,
                        None,
                        now_ms(),
                    );
                    ok(r.await)
                })
            },
        },
        Command {
            name: "apply_pack",
            needs: Permission::EditBranding,
            call: |s, t, m| {
                Box::pin(async move {
                    let tenant = gate_tenant(&s, t).await;
                    let themes = engine::theme::Themes::default();
                    ok(engine::branding::apply_pack(&s, &themes, &tenant, &m, "none", None).await)
                })
            },
        },
        Command {
            name: "upload",
            needs: Permission::EditBranding,
            call: |s, t, m| {
                Box::pin(async move {
                    let tenant = gate_tenant(&s, t).await;
                    let themes = engine::theme::Themes::default();
                    let logo = engine::branding::Asset::Logo;
                    let r = engine::branding::upload(
                        &s,
                        &themes,
                        &tenant,
                        &m,
                        logo,
                        b"x",
                        None,
                        now_ms(),
                    );
                    ok(r.await)
                })
            },
        },
        Command {
            name: "page",
            needs: Permission::SeeAuditTrail,
            call: |s, t, m| {
                Box::pin(
                    async move { ok(engine::trail::page(&s, t, &m, None, i18n::Lang::En).await) },
                )
            },
        },
        Command {
            name: "document_history",
            needs: Permission::ViewInventory,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(engine::trail::document_history(
                        &s,
                        t,
                        &m,
                        DocRef::Transfer(1),
                        i18n::Lang::En,
                    )
                    .await)
                })
            },
        },
        Command {
            name: "renew_recovery_codes",
            needs: Permission::ManageOwnAccount,
            call: |s, t, m| {
                Box::pin(async move {
                    ok(two_factor::renew_recovery_codes(
                        &s,
                        &hook_keys(),
                        t,
                        &m,
                        "000000",
                        None,
                        now_ms(),
                    )
                    .await)
                })
            },
        },
    ]
}

async fn every_command_refuses_exactly_the_roles_without_its_permission(store: &Store) {
    let file = TenantFile::parse(TENANT, std::path::Path::new("gate.toml")).unwrap();
    let t = seed_tenant(store, &file).await.unwrap().tenant;
    let mut refused = 0;
    for command in commands() {
        // A console's commands are tried in that kind of portal (the gate's own tenant
        // row is a retailer's, so they find no console there, which is not a refusal).
        let kind = match command.needs {
            Permission::ManageClientTenants => TenantKind::Partner,
            Permission::ManagePlatform => TenantKind::Platform,
            _ => TenantKind::Retailer,
        };
        for role in Role::ALL {
            let member = Member {
                user_id: 4242,
                email: "someone@gate.example".into(),
                name: "Someone".into(),
                roles: vec![role],
                supplier_id: None,
                api_key: None,
                kind,
                acting: None,
            };
            let trail = store.audit_head(t).await.unwrap();
            let result = (command.call)(store.clone(), t, member).await;
            let name = command.name;
            if permissions_of(kind, &[role]).contains(&command.needs) {
                assert!(
                    !matches!(result, Err(EngineError::Forbidden(_))),
                    "{name} refused {role:?}, which may {:?}: {result:?}",
                    command.needs
                );
            } else {
                refused += 1;
                assert!(
                    matches!(result, Err(EngineError::Forbidden(p)) if p == command.needs),
                    "{name} let {role:?} through without {:?}: {result:?}",
                    command.needs
                );
                assert_eq!(
                    store.audit_head(t).await.unwrap(),
                    trail,
                    "{name} changed something for {role:?} before refusing"
                );
            }
        }
    }
    assert!(refused > 20, "the table refuses someone for every command");
    // An API key acts with what its scopes grant: the same gate refuses it the same way.
    for command in commands() {
        for scope in engine::api_keys::KeyScope::ALL {
            let member = engine::api_keys::member_for(99, &[scope]);
            let result = (command.call)(store.clone(), t, member).await;
            let name = command.name;
            if scope.permissions().contains(&command.needs) {
                assert!(
                    !matches!(result, Err(EngineError::Forbidden(_))),
                    "{name} refused a key with {scope:?}: {result:?}"
                );
            } else {
                assert!(
                    matches!(result, Err(EngineError::Forbidden(p)) if p == command.needs),
                    "{name} let a key with only {scope:?} through: {result:?}"
                );
            }
        }
    }
}

/// Every public engine function that takes a `member: &Member` is a command a person
/// calls; each must be in [`commands`], so it is tried with every role.
#[test]
fn every_command_that_takes_a_member_is_in_the_table() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeSet::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, _) in text.match_indices("pub ") {
                let rest = &text[i + "pub ".len()..];
                let Some(rest) = rest
                    .strip_prefix("async fn ")
                    .or_else(|| rest.strip_prefix("fn "))
                else {
                    continue;
                };
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                // The parameter list: up to the parenthesis that closes the first one.
                let Some(open) = rest.find('(') else { continue };
                let mut depth = 0;
                let mut end = open;
                for (j, c) in rest[open..].char_indices() {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    if depth == 0 {
                        end = open + j;
                        break;
                    }
                }
                let params = &rest[open + 1..end];
                // A parameter of type `&Member`, however the path to it is written.
                if params.split(',').any(|p| p.trim().ends_with("Member")) {
                    found.insert(name);
                }
            }
        }
    }
    let listed: BTreeSet<String> = commands().iter().map(|c| c.name.to_string()).collect();
    assert_eq!(
        found, listed,
        "engine commands taking a member must each be in the permission table test"
    );
}

/// The gate tenant, as the branding commands take it.
async fn gate_tenant(store: &Store, t: TenantId) -> engine::model::Tenant {
    store
        .tenants()
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.id == t)
        .unwrap()
}

/// Inside an act-as session a partner's person holds the session role's permissions
/// except what would outlast the session.
#[test]
fn an_act_as_session_holds_nothing_that_outlasts_it() {
    let acting = Member {
        user_id: 7,
        email: "ops@partner.example".into(),
        name: "Partner".into(),
        roles: vec![Role::TenantAdmin],
        supplier_id: None,
        api_key: None,
        kind: TenantKind::Retailer,
        acting: Some(engine::model::ActingFor {
            session_id: 1,
            reason: "checking".into(),
            until: i64::MAX,
        }),
    };
    for p in Permission::ALL {
        let expected = permissions_of(TenantKind::Retailer, &[Role::TenantAdmin]).contains(&p)
            && !p.grants_lasting_access();
        assert_eq!(acting.can(p), expected, "{p:?}");
        assert_eq!(acting.permissions().contains(&p), expected, "{p:?}");
    }
    for lasting in [
        Permission::ManageMembers,
        Permission::ManageSuppliers,
        Permission::ManageIntegrations,
        Permission::EditBranding,
        Permission::ImportData,
        Permission::ManageOwnAccount,
    ] {
        assert!(!acting.can(lasting), "{lasting:?}");
    }
    assert!(acting.can(Permission::EditPolicies));
    assert!(acting.can(Permission::EditApprovalMatrix));
}
