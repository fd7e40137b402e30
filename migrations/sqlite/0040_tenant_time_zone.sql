-- Issue 14, point 1: the time zone a tenant's people read times in (an IANA name such
-- as `Europe/Amsterdam`). NULL: UTC.
ALTER TABLE tenants ADD COLUMN time_zone TEXT;
