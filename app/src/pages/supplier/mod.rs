//! Pages for a retailer's suppliers: the order a signed link opens (no sign-in).

mod order;

pub use order::SupplierOrderPage;
