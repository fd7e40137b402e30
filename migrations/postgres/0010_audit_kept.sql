-- Deleting a tenant must never silently take its audit trail with it: the trail's
-- references to the tenant now restrict the delete instead of cascading (a tenant with
-- a trail is archived, or its trail exported and removed on purpose, first).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_tenant_id_fkey,
    ADD CONSTRAINT audit_log_tenant_id_fkey FOREIGN KEY (tenant_id)
        REFERENCES tenants(id) ON DELETE RESTRICT;
ALTER TABLE audit_heads DROP CONSTRAINT audit_heads_tenant_id_fkey,
    ADD CONSTRAINT audit_heads_tenant_id_fkey FOREIGN KEY (tenant_id)
        REFERENCES tenants(id) ON DELETE RESTRICT;
