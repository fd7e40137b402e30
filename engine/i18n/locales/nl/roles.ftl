# The roles' names, as every page, e-mail and message names them (engine::model::LabelIn).
role-tenant-admin = beheerder
role-planner = planner
role-approver = goedkeurder
role-supplier = leverancier
role-partner-admin = partnerbeheerder
role-platform-admin = platformbeheerder
