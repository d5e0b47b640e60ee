//! `protocol check` on anything: the input is a protocol file and its English messages, split at
//! the first NUL byte. Whatever they hold, the check returns diagnostics: no panic, no stack
//! overflow, no hang (libFuzzer's timeout catches the last).
#![no_main]

use fieldscreen_catalog::{AppStrings, ProtocolSource, TextFile, bundled, check};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn app() -> &'static AppStrings {
    static APP: OnceLock<AppStrings> = OnceLock::new();
    APP.get_or_init(bundled::app_strings)
}

fuzz_target!(|data: &[u8]| {
    let (toml, ftl) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let file = |path: &str, bytes: &[u8]| TextFile {
        path: path.into(),
        text: String::from_utf8_lossy(bytes).into_owned(),
    };
    let src = ProtocolSource {
        dir: "fuzz".into(),
        dir_name: "fuzz".into(),
        protocol: Some(file("fuzz/protocol.toml", toml)),
        locales: vec![("en".into(), file("fuzz/locales/en.ftl", ftl))],
        unreadable: Vec::new(),
        media: Vec::new(),
    };
    let _ = check(&src, app(), Some(jiff::civil::date(2026, 12, 1)));
});
