//! `shelfwise`: one binary for serving, migrating, seeding and admin tasks.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    server::cli::run().await
}
