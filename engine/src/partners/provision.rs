//! Provisioning a client tenant from a template: a tenant file in `tenants/templates/`
//! (never another tenant's own file) with its locations, suppliers, products, policies and approval
//! rules, under the client's own address name, display name and theme. The command
//! reserves the address and queues the work; the [`Provision`] job seeds the tenant step
//! by step (each step can run again without harm), records its progress, and invites
//! the client's first admin by e-mail. The template's own people and domains are never
//! copied.
//!
//! Provisioning is idempotent: asking again for the same address and template returns
//! the same provisioning (and puts a failed one back in the queue); the same address
//! with another template, or an address any tenant has, is refused.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::invites::{check_email, check_name, Invited};
use crate::jobs::{queues, BackgroundJob, Job, JobError, NewJob};
use crate::model::{now_ms, Member, Role, TenantId, TenantKind};
use crate::seed::{seed_step, SeedStep, TenantFile};
use crate::store::audit::append_audit_tx;
use crate::store::jobs::enqueue_tx;
use crate::store::partners as rows;
use crate::store::Store;

/// Address names no client may take (they read as the platform's own).
const RESERVED_SLUGS: [&str; 8] = [
    "www", "api", "app", "admin", "platform", "static", "mail", "status",
];

/// The pack a new client starts from (with its own name as the product name).
pub const DEFAULT_PACK: &str = "neutral";

/// The seeding steps a provisioning runs (the template's people are not copied), then
/// the invitation.
const STEPS: [SeedStep; 5] = [
    SeedStep::Locations,
    SeedStep::Suppliers,
    SeedStep::Products,
    SeedStep::Stock,
    SeedStep::Policies,
];

/// A template a partner can provision from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The file's name without `.toml`: what a provisioning records.
    pub name: String,
    pub title: String,
    pub locations: usize,
    pub products: usize,
    pub suppliers: usize,
}

/// Where templates are read, and the themes a client may be given (the shared packs).
#[derive(Clone, Debug)]
pub struct Provisioner {
    pub store: Store,
    pub themes: std::sync::Arc<crate::theme::Themes>,
    /// The `tenants/` folder: the retailer files in its `templates/` folder are the
    /// templates.
    pub templates_dir: PathBuf,
}

impl Provisioner {
    fn files(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        if let Ok(entries) = std::fs::read_dir(self.templates_dir.join("templates")) {
            for e in entries.flatten() {
                let path = e.path();
                if path.extension().is_some_and(|x| x == "toml") {
                    files.push(path);
                }
            }
        }
        files.sort();
        files
    }

    fn read(path: &Path) -> Option<TenantFile> {
        let text = std::fs::read_to_string(path).ok()?;
        TenantFile::parse(&text, path)
            .ok()
            .filter(|f| f.kind == TenantKind::Retailer)
    }

    /// The templates, by name (a file that does not parse is left out).
    pub fn templates(&self) -> Vec<Template> {
        let mut list: Vec<Template> = self
            .files()
            .iter()
            .filter_map(|p| {
                let f = Self::read(p)?;
                Some(Template {
                    name: p.file_stem()?.to_string_lossy().into_owned(),
                    title: f.name,
                    locations: f.locations.len(),
                    products: f.products.len(),
                    suppliers: f.suppliers.len(),
                })
            })
            .collect();
        list.sort_by(|a, b| a.name.cmp(&b.name));
        list
    }

    /// Template `name`'s file (only a name the list offers: never a path).
    fn template(&self, name: &str) -> Option<TenantFile> {
        self.files()
            .iter()
            .find(|p| p.file_stem().is_some_and(|s| s == name))
            .and_then(|p| Self::read(p))
    }
}

/// A client to provision.
#[derive(Clone, Debug, Default)]
pub struct NewClient {
    pub template: String,
    /// The address name: `<slug>.<base domain>`, or `/t/<slug>`.
    pub slug: String,
    pub name: String,
    pub theme: String,
    pub admin_email: String,
    pub admin_name: String,
}

fn check_slug(slug: &str) -> Result<String, EngineError> {
    let slug = slug.trim().to_ascii_lowercase();
    if !crate::seed::is_slug(&slug) {
        return Err(EngineError::invalid("err-slug-invalid", &[]));
    }
    if RESERVED_SLUGS.contains(&slug.as_str()) {
        return Err(EngineError::invalid(
            "err-slug-reserved",
            &[("slug", slug.clone())],
        ));
    }
    Ok(slug)
}

/// Starts provisioning a client (see the module doc); the provisioning's id.
#[allow(clippy::too_many_arguments)]
pub async fn provision(
    provisioner: &Provisioner,
    tenant: TenantId,
    member: &Member,
    new: NewClient,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    let store = &provisioner.store;
    let partner = super::console_partner(store, tenant, member).await?;
    let slug = check_slug(&new.slug)?;
    // A theme folder named like the slug is that brand's own pack (see
    // `branding::apply_pack`): no new client may take its name.
    if provisioner.themes.get(&slug).is_some() {
        return Err(EngineError::invalid(
            "err-slug-reserved",
            &[("slug", slug.clone())],
        ));
    }
    let name = check_name(&new.name).map_err(|_| EngineError::invalid("err-client-name", &[]))?;
    let admin_email = check_email(&new.admin_email)?;
    let admin_name = check_name(&new.admin_name)
        .map_err(|_| EngineError::invalid("err-client-admin-name", &[]))?;
    let Some(file) = provisioner.template(new.template.trim()) else {
        return Err(EngineError::invalid(
            "err-client-no-template",
            &[("template", format!("{:?}", new.template.trim()))],
        ));
    };
    // A shared pack only: a brand of another tenant or partner is no one else's to use.
    let packs = provisioner.themes.packs();
    let theme = match new.theme.trim() {
        "" if packs.iter().any(|p| p == DEFAULT_PACK) => DEFAULT_PACK.to_string(),
        t if packs.iter().any(|p| p == t) => t.to_string(),
        t => {
            return Err(EngineError::invalid(
                "err-client-no-pack",
                &[("pack", format!("{t:?}"))],
            ))
        }
    };
    let template = new.template.trim().to_string();
    let mut tx = store.begin(tenant).await?;
    if let Some(existing) = rows::provisioning_by_slug_tx(&mut tx, tenant, &slug).await? {
        if existing.template != template {
            return Err(EngineError::invalid(
                "err-client-other-template",
                &[
                    ("slug", slug.clone()),
                    ("template", existing.template.clone()),
                ],
            ));
        }
        if rows::requeue_provisioning_tx(&mut tx, tenant, existing.id).await? {
            enqueue_tx(
                &mut tx,
                &NewJob::of(tenant, &Provision { id: existing.id }, now),
            )
            .await?;
        }
        tx.commit().await?;
        return Ok(existing.id);
    }
    let Some(client) = rows::create_client_tx(
        &mut tx,
        &slug,
        &name,
        &theme,
        &file.currency,
        partner.id,
        now,
    )
    .await?
    else {
        return Err(EngineError::invalid(
            "err-slug-taken",
            &[("slug", slug.clone())],
        ));
    };
    let total = STEPS.len() as i64 + 1;
    let id = rows::insert_provisioning_tx(
        &mut tx,
        tenant,
        client,
        &template,
        (&admin_email, &admin_name),
        total,
        member.user_id,
        now,
    )
    .await?;
    enqueue_tx(&mut tx, &NewJob::of(tenant, &Provision { id }, now)).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "client.provisioning_started",
            format!("tenant:{slug}"),
            None,
            Some(json!({ "template": template, "theme": theme, "provisioning": id })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Puts a failed provisioning back in the queue.
pub async fn retry_provisioning(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    super::console_partner(store, tenant, member).await?;
    if store.provisioning(tenant, id).await?.is_none() {
        return Err(EngineError::NotFound);
    }
    let mut tx = store.begin(tenant).await?;
    if !rows::requeue_provisioning_tx(&mut tx, tenant, id).await? {
        return Err(EngineError::invalid("err-client-retry", &[]));
    }
    enqueue_tx(&mut tx, &NewJob::of(tenant, &Provision { id }, now)).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "client.provisioning_retried",
            format!("provisioning:{id}"),
            None,
            None,
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Seeds a provisioned client step by step (the imports queue: a large template holds up
/// no tenant's replenishment), then invites its first admin.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provision {
    pub id: i64,
}

impl BackgroundJob for Provision {
    const KIND: &'static str = "partner.provision";
    const QUEUE: &'static str = queues::IMPORTS;
    const MAX_ATTEMPTS: i64 = 5;
    type Context = Provisioner;

    async fn run(self, ctx: Provisioner, tenant: TenantId, job: Job) -> Result<(), JobError> {
        let result = self.work(&ctx, tenant).await;
        if let Err(e) = &result {
            let last = job.attempt >= job.max_attempts || matches!(e, JobError::Terminal(_));
            if last {
                let why = e.to_string();
                let done = ctx
                    .store
                    .provisioning(tenant, self.id)
                    .await
                    .ok()
                    .flatten()
                    .map_or(0, |p| p.steps_done);
                let _ = ctx
                    .store
                    .set_provisioning_progress(
                        tenant,
                        self.id,
                        "failed",
                        done,
                        "",
                        Some(&why),
                        now_ms(),
                    )
                    .await;
            }
        }
        result
    }
}

impl Provision {
    async fn work(&self, ctx: &Provisioner, tenant: TenantId) -> Result<(), JobError> {
        let store = &ctx.store;
        let retry = |e: sqlx::Error| JobError::Retry(EngineError::from(e).user_message());
        let Some(rec) = store.provisioning(tenant, self.id).await.map_err(retry)? else {
            return Ok(());
        };
        if rec.state == "done" {
            return Ok(());
        }
        let Some(mut file) = ctx.template(&rec.template) else {
            return Err(JobError::Terminal(format!(
                "the template {} is no longer there",
                rec.template
            )));
        };
        let Some(client) = store
            .tenant_by_slug(&rec.client_slug)
            .await
            .map_err(retry)?
        else {
            return Err(JobError::Terminal("the client tenant is gone".into()));
        };
        file.slug = client.slug.clone();
        file.name = client.name.clone();
        file.theme = client.theme.clone();
        file.partner = None;
        file.domains.clear();
        file.users.clear();
        let total = rec.steps_total;
        for (i, step) in STEPS.iter().enumerate() {
            store
                .set_provisioning_progress(
                    tenant,
                    self.id,
                    "running",
                    i as i64,
                    step.label(),
                    None,
                    now_ms(),
                )
                .await
                .map_err(retry)?;
            seed_step(store, client.id, &file, *step)
                .await
                .map_err(|e| JobError::Retry(format!("seeding {}: {e}", step.label())))?;
        }
        store
            .set_provisioning_progress(
                tenant,
                self.id,
                "running",
                total - 1,
                "inviting the first admin",
                None,
                now_ms(),
            )
            .await
            .map_err(retry)?;
        let now = now_ms();
        crate::branding::start_own_theme(
            store,
            &ctx.themes,
            &client,
            &client.name,
            "partner:provisioning",
            now,
        )
        .await
        .map_err(|e| JobError::Retry(e.user_message()))?;
        let provisioner = Member {
            user_id: rec.created_by,
            email: String::new(),
            name: String::new(),
            roles: Vec::new(),
            supplier_id: None,
            api_key: None,
            kind: TenantKind::Retailer,
            acting: None,
        };
        let invited = Invited {
            email: rec.admin_email.clone(),
            name: rec.admin_name.clone(),
            role: Role::TenantAdmin,
            supplier: None,
        };
        // Once: a run again after a crash neither withdraws the invitation sent nor sends
        // another.
        let open = store
            .open_invitations(client.id, 200)
            .await
            .map_err(retry)?;
        if !open.iter().any(|i| i.email == rec.admin_email) {
            match crate::invites::create(
                store,
                client.id,
                &provisioner,
                invited,
                "err-provision-member-already",
                None,
                now,
            )
            .await
            {
                Ok(_) | Err(EngineError::Invalid(_)) => {}
                Err(e) => return Err(JobError::Retry(e.user_message())),
            }
        }
        // The client's trail names the partner by its role, not its brand.
        let mut tx = store.begin(client.id).await.map_err(retry)?;
        append_audit_tx(
            &mut tx,
            client.id,
            &AuditEntry::of(
                "partner:provisioning",
                "tenant.provisioned",
                format!("tenant:{}", client.slug),
                None,
                Some(json!({ "template": rec.template })),
                None,
            ),
        )
        .await
        .map_err(retry)?;
        tx.commit().await.map_err(retry)?;
        store
            .set_provisioning_progress(tenant, self.id, "done", total, "", None, now_ms())
            .await
            .map_err(retry)?;
        Ok(())
    }
}
