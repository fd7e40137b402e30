# The roles' names, as every page, e-mail and message names them (engine::model::LabelIn).
role-tenant-admin = tenant admin
role-planner = planner
role-approver = approver
role-supplier = supplier
role-partner-admin = partner admin
role-platform-admin = platform admin
