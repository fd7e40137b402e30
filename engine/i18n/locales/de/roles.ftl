# The roles' names, as every page, e-mail and message names them (engine::model::LabelIn).
role-tenant-admin = Administrator
role-planner = Disponent
role-approver = Freigeber
role-supplier = Lieferant
role-partner-admin = Partner-Administrator
role-platform-admin = Plattform-Administrator
