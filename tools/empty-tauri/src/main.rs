//! An empty window that reports it has drawn its page, and nothing else: what any Tauri 2 app
//! costs to start on this machine.

/// Called by the page once it is drawn; quits when the benchmark asks for it.
#[tauri::command]
fn ready(app: tauri::AppHandle) {
    if std::env::var_os("FIELDSCREEN_EXIT_WHEN_READY").is_some() {
        app.exit(0);
    }
}

fn main() {
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("could not start: {e}");
        std::process::exit(1);
    }
}
